package org.openedx.suite.sandbox.lrs;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** A statement the LRS holds: as it was sent (with its id) and when it arrived. */
record StoredStatement(SentStatement sent, Instant stored) {

    /** The statement as the LRS answers it: with {@code stored}. */
    ObjectNode answer() {
        ObjectNode statement = sent.statement().deepCopy();
        statement.put("stored", stored.toString());
        return statement;
    }
}
