package org.openedx.suite.insights.statement;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * One xAPI statement made from a tracking log, with the columns insights files it under and the learner's state it
 * tells of.
 *
 * @param actor        the actor's account name: the learner's anonymous id ({@code cms} for a course published by
 *                     someone the log does not name)
 * @param registration the learner's registration in the course; null when the log names no learner
 * @param timestamp    when it happened: the tracking log's timestamp (also its event time on the bus)
 * @param stored       when insights stored it
 * @param json         the statement as the LRS API returns it and the forwarding sends it
 * @param fact         what it says about the learner's state in the course (for the figures); null for none
 */
public record Statement(UUID id, String courseKey, String actor, Verb verb, String objectId, UUID registration,
                        String trackingName, Instant timestamp, Instant stored, ObjectNode json, Fact fact) {

    /** Whether a learner did it (false for a course published by the CMS): only those count as learners' activity. */
    public boolean byLearner() {
        return registration != null;
    }

    /** An xAPI verb: its IRI and its display name in {@code en-US}. */
    public record Verb(String id, String display) {
    }
}
