package org.openedx.suite.eventbus;

import org.springframework.transaction.support.TransactionSynchronizationManager;

final class Transactions {

    private Transactions() {
    }

    /** The event bus's guarantees rest on sharing the caller's transaction; without one they would silently break. */
    static void requireActive(String what) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(what + " must run inside the transaction that changes the state");
        }
    }
}
