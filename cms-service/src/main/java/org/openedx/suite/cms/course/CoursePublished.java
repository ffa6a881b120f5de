package org.openedx.suite.cms.course;

import java.time.Instant;

/**
 * Raised in-process when an author publishes a course: its outline is published with it, by the content's own
 * reaction (the catalog event has already been written with the publish).
 */
public record CoursePublished(String courseKey, Instant publishedAt) {
}
