package org.openedx.suite.it.reliability;

/**
 * What a fault test counted: what it sent, and what the effects downstream show of it. A row of RELIABILITY.md.
 *
 * @param sent       events the test caused (state changes made or messages written)
 * @param seen       distinct events whose effect appears downstream
 * @param lost       events that should have taken effect and did not
 * @param duplicated applications beyond the first, counted in an effect that would show them; null where the
 *                   consumer keeps no such effect (it overwrites state, so a second application leaves no trace)
 */
record Effects(long sent, long seen, long lost, Long duplicated) {

    /** Where a second application could not be seen: the report says so instead of printing a 0. */
    static Effects withoutDuplicateCount(long sent, long seen, long lost) {
        return new Effects(sent, seen, lost, null);
    }
}
