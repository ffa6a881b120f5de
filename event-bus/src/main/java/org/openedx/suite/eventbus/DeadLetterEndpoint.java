package org.openedx.suite.eventbus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/deadletters}: the operator's view of what the consumer gave up on.
 * <ul>
 *   <li>{@code GET /actuator/deadletters} lists the dead letters not replayed yet ({@code ?all=true}: every one)</li>
 *   <li>{@code GET /actuator/deadletters/{id}} shows one</li>
 *   <li>{@code POST /actuator/deadletters} replays every pending one; {@code POST /actuator/deadletters/{id}} one</li>
 * </ul>
 * A replay runs the record through the same path as a fresh delivery, so it is applied at most once. Each replay
 * answers its {@code outcome}: {@code replayed} (it took effect now), {@code ignored: older than the applied state}
 * (newest-wins found what it changes in a newer state, so it changed nothing, as it would have on time),
 * {@code already applied} (the same event, by its {@code ce_id}, took effect meanwhile, say redelivered by its
 * producer: nothing changed), {@code failed} (it stays pending, with its new error) or {@code already replayed}.
 * All but {@code failed} settle the dead letter.
 */
@Endpoint(id = "deadletters")
final class DeadLetterEndpoint {

    private static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");
    private static final String IGNORED = "ignored: older than the applied state";

    private final DeadLetters deadLetters;
    private final InboundEventDispatcher dispatcher;

    DeadLetterEndpoint(DeadLetters deadLetters, InboundEventDispatcher dispatcher) {
        this.deadLetters = deadLetters;
        this.dispatcher = dispatcher;
    }

    @ReadOperation
    List<Map<String, Object>> list(@Nullable Boolean all) {
        var letters = Boolean.TRUE.equals(all) ? deadLetters.all() : deadLetters.pending();
        return letters.stream().map(DeadLetters.DeadLetter::describe).toList();
    }

    @ReadOperation
    WebEndpointResponse<Map<String, Object>> show(@Selector long id) {
        return deadLetters.find(id).map(letter -> new WebEndpointResponse<>(letter.describe()))
                .orElseGet(() -> notFound(id));
    }

    @WriteOperation
    Map<String, Object> replayAll() {
        List<Map<String, Object>> results = new ArrayList<>();
        for (DeadLetters.DeadLetter letter : deadLetters.pending()) {
            results.add(replay(letter));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("replayed", results.stream().filter(r -> "replayed".equals(r.get("outcome"))).count());
        summary.put("ignored_as_older", results.stream().filter(r -> IGNORED.equals(r.get("outcome"))).count());
        summary.put("already_applied",
                results.stream().filter(r -> "already applied".equals(r.get("outcome"))).count());
        summary.put("failed", results.stream().filter(r -> "failed".equals(r.get("outcome"))).count());
        summary.put("results", results);
        return summary;
    }

    @WriteOperation
    WebEndpointResponse<Map<String, Object>> replayOne(@Selector long id) {
        return deadLetters.find(id).map(letter -> new WebEndpointResponse<>(replay(letter)))
                .orElseGet(() -> notFound(id));
    }

    /** The same problem+json as every other 404 of the services. */
    private static WebEndpointResponse<Map<String, Object>> notFound(long id) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Not Found");
        problem.put("status", 404);
        problem.put("detail", "no dead letter " + id);
        return new WebEndpointResponse<>(problem, 404, PROBLEM_JSON);
    }

    private Map<String, Object> replay(DeadLetters.DeadLetter letter) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", letter.id());
        result.put("event_id", letter.eventId());
        if (letter.replayedAt() != null) {
            result.put("outcome", "already replayed");
            return result;
        }
        try {
            InboundEventDispatcher.Applied applied = dispatcher.apply(letter.toConsumerRecord());
            // whichever it was, the event has had its effect exactly once: nothing is left for an operator to do
            deadLetters.markReplayed(letter.id());
            result.put("outcome", switch (applied) {
                case APPLIED -> "replayed";
                case IGNORED_AS_OLDER -> IGNORED;
                case ALREADY_APPLIED -> "already applied";
            });
        } catch (RuntimeException e) {
            deadLetters.markFailedAgain(letter.id(), e);
            result.put("outcome", "failed");
            result.put("error", DeadLetters.describe(e));
        }
        return result;
    }
}
