package org.openedx.suite.insights;

import java.net.URI;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's API as its clients see it; the operator's token unless a call names another. */
public final class InsightsApi {

    public static final String XAPI_VERSION = "X-Experience-API-Version";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient client;
    private final Environment environment;

    InsightsApi(RestTestClient client, Environment environment) {
        this.client = client;
        this.environment = environment;
    }

    /** {@code http://localhost:<port>}, for clients other than this one (a stream reader, a browser). */
    public URI baseUrl() {
        return URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port"));
    }

    public RestTestClient client() {
        return client;
    }

    public RestTestClient.ResponseSpec get(String uri, Object... uriVariables) {
        return client.get().uri(uri, uriVariables).exchange();
    }

    /** A GET with another token than the operator's; {@code DefaultToken.ANONYMOUS} for none. */
    public RestTestClient.ResponseSpec getWithToken(String token, String uri, Object... uriVariables) {
        return client.get().uri(uri, uriVariables)
                .header(HttpHeaders.AUTHORIZATION, token.isEmpty() ? "" : "Bearer " + token).exchange();
    }

    /** How many statements insights holds of the course; 0 while it knows nothing of it. */
    public long statementCount(String courseKey) {
        var result = get("/api/courses/{key}/insights", courseKey).returnResult(String.class);
        if (result.getStatus().value() == 404) {
            return 0;
        }
        return JSON.readTree(result.getResponseBody()).get("statements").asLong();
    }

    /** The course's figures (the course must be known). */
    public JsonNode figures(String courseKey) {
        return JSON.readTree(get("/api/courses/{key}/insights", courseKey).expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    /** {@code GET /xapi/statements} as the operator, with the xAPI version header, the parameters as given. */
    public RestTestClient.ResponseSpec xapi(Map<String, String> parameters) {
        return xapiWithToken(null, parameters);
    }

    /** {@code GET /xapi/statements} with another token; {@code DefaultToken.ANONYMOUS} for none. */
    public RestTestClient.ResponseSpec xapiWithToken(String token, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder("/xapi/statements");
        parameters.keySet().forEach(name -> uri.append(uri.indexOf("?") < 0 ? '?' : '&')
                .append(name).append("={").append(name).append('}'));
        var request = client.get().uri(uri.toString(), parameters).header(XAPI_VERSION, "1.0.3");
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token.isEmpty() ? "" : "Bearer " + token);
        }
        return request.exchange();
    }

    /** The page of statements these parameters give. */
    public JsonNode statements(Map<String, String> parameters) {
        return JSON.readTree(xapi(parameters).expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    /** Follows a {@code more} URL as it is. */
    public JsonNode more(String more) {
        return JSON.readTree(client.get().uri(baseUrl().resolve(more)).header(XAPI_VERSION, "1.0.3").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
