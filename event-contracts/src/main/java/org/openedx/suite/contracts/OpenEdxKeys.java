package org.openedx.suite.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Open edX course keys ({@code course-v1:ORG+NUMBER+RUN}) and usage keys ({@code block-v1:ORG+NUMBER+RUN+type@T+block@ID}). */
public final class OpenEdxKeys {

    // possessive: a part never gives characters back, as none of the separators after it (+ @ end) can be in it
    private static final String PART = "[A-Za-z0-9_.\\-]++";
    private static final String COURSE_KEY_PREFIX = "course-v1:";
    private static final Pattern COURSE_KEY = Pattern.compile(
            COURSE_KEY_PREFIX + "(" + PART + ")\\+(" + PART + ")\\+(" + PART + ")");
    private static final Pattern USAGE_KEY = Pattern.compile(
            "block-v1:(" + PART + ")\\+(" + PART + ")\\+(" + PART + ")\\+type@(" + PART + ")\\+block@(" + PART + ")");

    /** As long as Open edX's key columns allow. */
    public static final int MAX_LENGTH = 255;

    private OpenEdxKeys() {
    }

    public static boolean isCourseKey(String text) {
        return text != null && text.length() <= MAX_LENGTH && COURSE_KEY.matcher(text).matches();
    }

    public static boolean isUsageKey(String text) {
        return text != null && text.length() <= MAX_LENGTH && USAGE_KEY.matcher(text).matches();
    }

    /** {@code course-v1:edX+DemoX+2026} gives {@code edX+DemoX}, the course a run belongs to. */
    public static String courseOf(String courseKey) {
        Matcher m = matching(COURSE_KEY, courseKey, "course key");
        return m.group(1) + "+" + m.group(2);
    }

    /** {@code block-v1:edX+DemoX+2026+type@html+block@intro} gives {@code course-v1:edX+DemoX+2026}, its course run. */
    public static String courseRunOf(String usageKey) {
        Matcher m = matching(USAGE_KEY, usageKey, "usage key");
        return COURSE_KEY_PREFIX + m.group(1) + "+" + m.group(2) + "+" + m.group(3);
    }

    /** The usage key of block {@code blockId} of type {@code blockType} in course run {@code courseKey}. */
    public static String usageKey(String courseKey, String blockType, String blockId) {
        matching(COURSE_KEY, courseKey, "course key");
        return "block-v1:" + courseKey.substring(COURSE_KEY_PREFIX.length()) + "+type@" + blockType + "+block@"
                + blockId;
    }

    /**
     * Whether {@code usageKey} is a usage key of a block in course run {@code courseKey}, which is then a course key
     * too. One match and no strings built: consumers check this for every exam event they apply.
     */
    public static boolean isBlockOf(String usageKey, String courseKey) {
        if (usageKey == null || courseKey == null || usageKey.length() > MAX_LENGTH
                || !courseKey.startsWith(COURSE_KEY_PREFIX)) {
            return false;
        }
        Matcher m = USAGE_KEY.matcher(usageKey);
        if (!m.matches()) {
            return false;
        }
        // ORG+NUMBER+RUN are one stretch of the usage key: compare it with the course key's in place
        int start = m.start(1);
        int length = m.end(3) - start;
        return courseKey.length() == COURSE_KEY_PREFIX.length() + length
                && courseKey.regionMatches(COURSE_KEY_PREFIX.length(), usageKey, start, length);
    }

    private static Matcher matching(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + what + ": " + text);
        }
        return m;
    }
}
