package org.openedx.suite.eventbus;

/** A message that no retry will ever apply: it goes to the dead-letter topic at once. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
