package org.openedx.suite.credentials.badge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A badge requirement as a client sends it; {@link BadgeRules#checked} turns it into a {@link BadgeRules.Requirement}.
 *
 * @param eventType  the event type that can fulfil it ({@code org.openedx.learning.course.passing.status.updated.v1})
 * @param blend      requirements sharing a blend are alternatives; null for a group of its own
 * @param rules      all must hold on the event's data; none (or null) for any event of the type
 * @param minCount   how many distinct values at {@code distinctBy} matching events must carry; null for 1
 * @param distinctBy dotted path of the counted value, required when {@code minCount} is above 1
 */
public record RequirementInput(@Nullable String eventType, @Nullable String blend, @Nullable List<RuleInput> rules,
                               @Nullable Integer minCount, @Nullable String distinctBy) {
}
