package org.openedx.suite.credentials.badge;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A data rule as a client sends it; {@link BadgeRules#checked} turns it into a {@link BadgeRules.DataRule}.
 *
 * @param dataPath dotted path into the event's data, relative to the payload's one top-level field
 *                 ({@code is_passing}, {@code course.course_key})
 * @param operator {@code eq}, {@code ne}, {@code gt}, {@code ge}, {@code lt}, {@code le} or {@code in}
 * @param value    what the data is compared with: a string, number or boolean; a number for the ordering operators;
 *                 a non-empty array of those for {@code in}
 */
public record RuleInput(@Nullable String dataPath, @Nullable String operator, @Nullable JsonNode value) {
}
