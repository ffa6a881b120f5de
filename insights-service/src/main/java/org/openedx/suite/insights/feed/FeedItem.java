package org.openedx.suite.insights.feed;

import org.openedx.suite.insights.statement.XapiStatements;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A statement as the feed shows it.
 *
 * @param verb         the verb's display name, e.g. {@code registered}
 * @param actor        the actor's account name (the learner's anonymous id)
 * @param objectName   the object's name when the statement gives one
 * @param trackingName the tracking log it was made from
 */
record FeedItem(String id, String timestamp, String stored, String verb, String actor, String objectId,
                String objectName, String trackingName, String courseKey) {

    static FeedItem of(String courseKey, ObjectNode statement) {
        JsonNode name = statement.path("object").path("definition").path("name").path("en-US");
        return new FeedItem(statement.path("id").asString(), statement.path("timestamp").asString(),
                statement.path("stored").asString(), statement.path("verb").path("display").path("en-US").asString(),
                statement.path("actor").path("account").path("name").asString(),
                statement.path("object").path("id").asString(), name.isString() ? name.stringValue() : null,
                statement.path("context").path("extensions").path(XapiStatements.TRACKING_LOG).asString(), courseKey);
    }
}
