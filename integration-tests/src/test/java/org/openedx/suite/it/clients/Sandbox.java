package org.openedx.suite.it.clients;

import java.util.List;
import java.util.Map;

import org.openedx.suite.it.support.Http;
import tools.jackson.databind.JsonNode;

/** The integration sandbox, the stand-in for the systems the suite calls: what it received, its secrets, its faults. */
public record Sandbox(String baseUrl) {

    /** The receiver's webhooks are checked against this secret from now on. */
    public void receiverSecret(String receiver, String secret) {
        Clients.expect(204, Http.put(baseUrl + "/api/receivers/" + receiver, Map.of("secret", secret)));
    }

    /** What it received of a kind ({@code webhook}, {@code certificate}, {@code revocation}, {@code plagiarism}). */
    public List<JsonNode> received(String kind) {
        return Clients.expect(200, Http.get(baseUrl + "/api/received?kind=" + kind)).json().valueStream().toList();
    }

    public List<JsonNode> webhooks(String receiver) {
        return Clients.expect(200, Http.get(baseUrl + "/api/received?kind=webhook&receiver=" + receiver)).json()
                .valueStream().toList();
    }

    /** Sets a fault, e.g. {@code fault("webhook:demo", "down", null)}; {@code times} null: until cleared. */
    public void fault(String target, String mode, Integer times) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("target", target, "mode", mode));
        if (times != null) {
            body.put("times", times);
        }
        Clients.ok(Http.put(baseUrl + "/api/faults", body));
    }

    public void slow(String target, int delayMillis) {
        Clients.ok(Http.put(baseUrl + "/api/faults", Map.of("target", target, "mode", "slow",
                "delay_ms", delayMillis)));
    }

    public void clearFaults() {
        Http.delete(baseUrl + "/api/faults");
    }
}
