package org.openedx.suite.sandbox.received;

/** What {@code DELETE /api/received} forgets: the records and what the requests created (not secrets or faults). */
public interface Resettable {

    void reset();
}
