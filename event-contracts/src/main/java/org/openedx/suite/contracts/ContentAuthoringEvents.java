package org.openedx.suite.contracts;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Payloads of Open edX's content-authoring events about a course's blocks, as the CMS raises them: every one
 * in-process (its authoring reactions, tagging and search, listen to them), and {@code xblock.published},
 * {@code xblock.deleted} and {@code xblock.duplicated} on the bus as well ({@link OpenEdxEvents}). One record per
 * event type, so a listener names the event it reacts to; the records of one shape share their data record.
 */
public final class ContentAuthoringEvents {

    private static final String PREFIX = "org.openedx.content_authoring.";

    private ContentAuthoringEvents() {
    }

    /** A block, by its usage key and its type ({@code chapter}, {@code html}, ...). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"usage_key", "block_type"})
    public record XBlockData(@UsageKey String usageKey, String blockType) {
        public XBlockData {
            Objects.requireNonNull(usageKey, "usage_key");
            Objects.requireNonNull(blockType, "block_type");
        }
    }

    /** A new block, copied from {@code sourceUsageKey}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"usage_key", "block_type", "source_usage_key"})
    public record DuplicatedXBlockData(@UsageKey String usageKey, String blockType, @UsageKey String sourceUsageKey) {
        public DuplicatedXBlockData {
            Objects.requireNonNull(usageKey, "usage_key");
            Objects.requireNonNull(blockType, "block_type");
            Objects.requireNonNull(sourceUsageKey, "source_usage_key");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record XBlockCreated(XBlockData xblockInfo) {
        public static final String TYPE = PREFIX + "xblock.created.v1";

        public XBlockCreated {
            Objects.requireNonNull(xblockInfo, "xblock_info");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record XBlockUpdated(XBlockData xblockInfo) {
        public static final String TYPE = PREFIX + "xblock.updated.v1";

        public XBlockUpdated {
            Objects.requireNonNull(xblockInfo, "xblock_info");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record XBlockDeleted(XBlockData xblockInfo) {
        public static final String TYPE = PREFIX + "xblock.deleted.v1";

        public XBlockDeleted {
            Objects.requireNonNull(xblockInfo, "xblock_info");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record XBlockPublished(XBlockData xblockInfo) {
        public static final String TYPE = PREFIX + "xblock.published.v1";

        public XBlockPublished {
            Objects.requireNonNull(xblockInfo, "xblock_info");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record XBlockDuplicated(DuplicatedXBlockData xblockInfo) {
        public static final String TYPE = PREFIX + "xblock.duplicated.v1";

        public XBlockDuplicated {
            Objects.requireNonNull(xblockInfo, "xblock_info");
        }
    }

    /** A new course run ({@code course.created}: only its key). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CourseCreated(CourseData course) {
        public static final String TYPE = PREFIX + "course.created.v1";

        public CourseCreated {
            Objects.requireNonNull(course, "course");
        }
    }

    /** {@code course.created}'s {@code CourseData}: the key alone (learning events' {@code CourseData} has more). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CourseData(@CourseKey String courseKey) {
        public CourseData {
            Objects.requireNonNull(courseKey, "course_key");
        }
    }

    /** The tags of a content object (a block's usage key, or a course key) changed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContentObjectTagsChanged(ContentObjectData contentObject) {
        public static final String TYPE = PREFIX + "content.object.tags.changed.v1";

        public ContentObjectTagsChanged {
            Objects.requireNonNull(contentObject, "content_object");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContentObjectData(String objectId) {
        public ContentObjectData {
            Objects.requireNonNull(objectId, "object_id");
        }
    }
}
