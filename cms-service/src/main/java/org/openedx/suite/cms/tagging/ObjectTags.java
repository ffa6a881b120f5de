package org.openedx.suite.cms.tagging;

import java.util.List;

import org.openedx.suite.cms.content.Tag;
import org.openedx.suite.contracts.ContentAuthoringEvents.ContentObjectData;
import org.openedx.suite.contracts.ContentAuthoringEvents.ContentObjectTagsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tags of content objects (object_tag). Every write takes the object's tag lock, so a reaction and an author
 * tagging the same object take turns, and raises {@code content.object.tags.changed} when, and only when, the tags
 * changed: a reaction run twice changes nothing the second time and says nothing.
 */
@Component
class ObjectTags {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher reactions;

    ObjectTags(JdbcTemplate jdbc, ApplicationEventPublisher reactions) {
        this.jdbc = jdbc;
        this.reactions = reactions;
    }

    List<Tag> of(String objectId) {
        return jdbc.query("SELECT taxonomy, value FROM object_tag WHERE object_id = ? ORDER BY taxonomy, value",
                (rs, row) -> new Tag(rs.getString(1), rs.getString(2)), objectId);
    }

    /** Adds the tag; for a single-value taxonomy, in place of the object's other tag of it. */
    boolean add(String objectId, Taxonomy taxonomy, String value) {
        lock(objectId);
        int removed = taxonomy.singleValue()
                ? jdbc.update("DELETE FROM object_tag WHERE object_id = ? AND taxonomy = ? AND value <> ?", objectId,
                taxonomy.name(), value)
                : 0;
        int added = jdbc.update("INSERT INTO object_tag (object_id, taxonomy, value) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", objectId, taxonomy.name(), value);
        return changed(objectId, removed + added);
    }

    /** Adds the tag unless the object has a tag of that taxonomy already. */
    boolean addUnlessTagged(String objectId, String taxonomy, String value) {
        lock(objectId);
        int added = jdbc.update("INSERT INTO object_tag (object_id, taxonomy, value) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM object_tag WHERE object_id = ? AND taxonomy = ?)", objectId, taxonomy, value,
                objectId, taxonomy);
        return changed(objectId, added);
    }

    boolean remove(String objectId, String taxonomy, String value) {
        lock(objectId);
        return changed(objectId, jdbc.update("DELETE FROM object_tag WHERE object_id = ? AND taxonomy = ? AND value = ?",
                objectId, taxonomy, value));
    }

    boolean removeAll(String objectId) {
        lock(objectId);
        return changed(objectId, jdbc.update("DELETE FROM object_tag WHERE object_id = ?", objectId));
    }

    /** Gives {@code copy} the tags of {@code source} it lacks. */
    boolean copy(String source, String copy) {
        lock(copy);
        return changed(copy, jdbc.update("INSERT INTO object_tag (object_id, taxonomy, value) "
                + "SELECT ?, taxonomy, value FROM object_tag WHERE object_id = ? ON CONFLICT DO NOTHING", copy, source));
    }

    private boolean changed(String objectId, int rows) {
        if (rows > 0) {
            reactions.publishEvent(new ContentObjectTagsChanged(new ContentObjectData(objectId)));
        }
        return rows > 0;
    }

    private void lock(String objectId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, "tags:" + objectId);
    }
}
