package org.openedx.suite.contracts;

/** Base topic names of the Open edX event bus, and how a deployment's prefix and the dead-letter suffix apply. */
public final class Topics {

    public static final String COURSE_CATALOG_INFO_CHANGED = "course-catalog-info-changed";
    public static final String LEARNING_CERTIFICATE_LIFECYCLE = "learning-certificate-lifecycle";
    public static final String LEARNING_EXAM_ATTEMPT_LIFECYCLE = "learning-exam-attempt-lifecycle";
    public static final String LEARNING_BADGES_LIFECYCLE = "learning-badges-lifecycle";
    public static final String LEARNING_PROGRAM_CERTIFICATE_LIFECYCLE = "learning-program-certificate-lifecycle";
    public static final String ANALYTICS = "analytics";
    public static final String CONTENT_AUTHORING_XBLOCK_LIFECYCLE = "content-authoring-xblock-lifecycle";

    static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    /** {@code dev} + {@code learning-certificate-lifecycle} gives {@code dev-learning-certificate-lifecycle}; no prefix, the base. */
    public static String withPrefix(String prefix, String baseTopic) {
        return prefix == null || prefix.isBlank() ? baseTopic : prefix + "-" + baseTopic;
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
