package org.openedx.suite.credentials.badge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A badge penalty as a client sends it; {@link BadgeRules#checked} turns it into a {@link BadgeRules.Penalty}.
 *
 * @param eventType the event type that triggers it
 * @param resets    indexes (from 0) of the requirements it resets
 * @param rules     all must hold on the event's data; at least one
 */
public record PenaltyInput(@Nullable String eventType, @Nullable List<Integer> resets, @Nullable List<RuleInput> rules) {
}
