package org.openedx.suite.sandbox.received;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import org.openedx.suite.sandbox.fault.Fault;
import org.openedx.suite.sandbox.fault.Faults;
import org.openedx.suite.sandbox.web.JsonBody;
import org.openedx.suite.sandbox.web.Problems;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The way into every stand-in: plays the fault in force for the request's target, else lets the stand-in answer a
 * JSON body, and records the request with the status it got, whatever it was.
 */
@Component
public class Intake {

    private final Received received;
    private final Faults faults;
    private final ObjectMapper json;

    Intake(Received received, Faults faults, ObjectMapper json) {
        this.received = received;
        this.faults = faults;
        this.json = json;
    }

    /**
     * Answers a request to a stand-in.
     *
     * @param answer the stand-in's answer to the body, parsed; it may throw {@link SandboxException}
     */
    public ResponseEntity<Object> receive(Arrival arrival, byte[] body,
                                          Function<JsonNode, ResponseEntity<Object>> answer) {
        return receive(arrival, () -> { }, body, answer);
    }

    /**
     * Answers a request to a stand-in that checks who sends it before it reads the body.
     *
     * @param admit  checks the request before its body is read (a provider's organization and API key); it may throw
     *               {@link SandboxException}
     * @param answer the stand-in's answer to the body, parsed; it may throw {@link SandboxException}
     */
    public ResponseEntity<Object> receive(Arrival arrival, Runnable admit, byte[] body,
                                          Function<JsonNode, ResponseEntity<Object>> answer) {
        Received.Ticket ticket = received.arrive(arrival);
        Optional<JsonNode> parsed = JsonBody.parse(json, body);
        ResponseEntity<Object> response = faults.take(arrival.kind().faultTarget(), arrival.receiver())
                .map(fault -> play(fault, arrival, admit, parsed, answer))
                .orElseGet(() -> answer(admit, parsed, answer));
        received.record(ticket, arrival, parsed.orElseGet(() -> asText(body)), response.getStatusCode().value());
        return response;
    }

    private ResponseEntity<Object> play(Fault fault, Arrival arrival, Runnable admit, Optional<JsonNode> body,
                                        Function<JsonNode, ResponseEntity<Object>> answer) {
        return switch (fault.mode()) {
            case DOWN -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.CONNECTION, "close").build();
            case STATUS -> withRetryAfter(Problems.of(HttpStatusCode.valueOf(fault.status()),
                    "the sandbox plays a fault for " + fault.target() + " (" + arrival.kind().label() + ")"));
            case SLOW -> {
                pause(fault.delayMs());
                yield answer(admit, body, answer);
            }
        };
    }

    private static ResponseEntity<Object> answer(Runnable admit, Optional<JsonNode> body,
                                                 Function<JsonNode, ResponseEntity<Object>> answer) {
        try {
            admit.run();
            return answer.apply(body.orElseThrow(() -> SandboxException.badRequest("body", "must be JSON")));
        } catch (SandboxException e) {
            return Problems.of(e);
        }
    }

    /** A 429 or 503 says when to come back, as the services' clients expect of a real one. */
    private static ResponseEntity<Object> withRetryAfter(ResponseEntity<Object> problem) {
        int status = problem.getStatusCode().value();
        if (status != HttpStatus.TOO_MANY_REQUESTS.value() && status != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return problem;
        }
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(problem.getBody());
    }

    private JsonNode asText(byte[] body) {
        return body == null || body.length == 0 ? null
                : json.getNodeFactory().stringNode(new String(body, StandardCharsets.UTF_8));
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
