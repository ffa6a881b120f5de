package org.openedx.suite.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Open edX course keys ({@code course-v1:ORG+NUMBER+RUN}) and usage keys ({@code block-v1:ORG+NUMBER+RUN+type@T+block@ID}). */
public final class OpenEdxKeys {

    private static final String PART = "[A-Za-z0-9_.\\-]+";
    private static final Pattern COURSE_KEY = Pattern.compile("course-v1:(" + PART + ")\\+(" + PART + ")\\+(" + PART + ")");
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

    /** The course run a usage key belongs to: {@code block-v1:edX+DemoX+2026+type@..} gives {@code course-v1:edX+DemoX+2026}. */
    public static String courseKeyOf(String usageKey) {
        Matcher m = matching(USAGE_KEY, usageKey, "usage key");
        return "course-v1:" + m.group(1) + "+" + m.group(2) + "+" + m.group(3);
    }

    private static Matcher matching(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + what + ": " + text);
        }
        return m;
    }
}
