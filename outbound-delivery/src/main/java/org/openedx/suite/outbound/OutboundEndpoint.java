package org.openedx.suite.outbound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/outbound}: the operator's view of the outbound calls.
 * <ul>
 *   <li>{@code GET /actuator/outbound} the backlog, each destination's circuit, and the calls that failed for good ({@code ?status=pending}:
 *   the pending ones, {@code delivered}: the last delivered)</li>
 *   <li>{@code GET /actuator/outbound/{id}} one call with every attempt</li>
 *   <li>{@code POST /actuator/outbound/{id}} sends a delivered or failed call again, with the same idempotency key</li>
 * </ul>
 */
@Endpoint(id = "outbound")
final class OutboundEndpoint {

    private static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");
    private static final int LIMIT = 200;

    private final OutboundDeliveries deliveries;
    private final OutboundWorker worker;

    OutboundEndpoint(OutboundDeliveries deliveries, OutboundWorker worker) {
        this.deliveries = deliveries;
        this.worker = worker;
    }

    @ReadOperation
    WebEndpointResponse<Map<String, Object>> list(@Nullable String status) {
        OutboundDelivery.Status wanted;
        try {
            wanted = status == null ? OutboundDelivery.Status.FAILED : OutboundDelivery.Status.ofColumn(status);
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad Request", "status must be one of pending, delivered, failed");
        }
        OutboundDeliveries.Backlog backlog = deliveries.backlog();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pending", backlog.pending());
        body.put("failed", backlog.failed());
        body.put("oldest_pending_seconds", backlog.oldestPendingSeconds());
        body.put("circuits", worker.circuitStates());
        body.put("status", wanted.column());
        body.put("deliveries", deliveries.withStatus(wanted, LIMIT));
        return new WebEndpointResponse<>(body);
    }

    @ReadOperation
    WebEndpointResponse<Map<String, Object>> show(@Selector UUID id) {
        return deliveries.find(id).map(delivery -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("delivery", delivery);
            body.put("attempts", deliveries.attempts(id));
            return new WebEndpointResponse<>(body);
        }).orElseGet(() -> problem(404, "Not Found", "no outbound call " + id));
    }

    @WriteOperation
    WebEndpointResponse<Map<String, Object>> redeliver(@Selector UUID id) {
        if (!deliveries.redeliver(id)) {
            return problem(404, "Not Found", "no outbound call " + id);
        }
        return new WebEndpointResponse<>(Map.of("id", id, "status", "pending"), 202);
    }

    private static WebEndpointResponse<Map<String, Object>> problem(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return new WebEndpointResponse<>(problem, status, PROBLEM_JSON);
    }
}
