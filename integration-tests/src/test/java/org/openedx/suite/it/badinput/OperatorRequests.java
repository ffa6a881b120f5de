package org.openedx.suite.it.badinput;

import java.util.ArrayList;
import java.util.List;

import org.openedx.suite.it.support.Http;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The operator's endpoints beside the API: dead letters ({@code /actuator/deadletters}) and outbound calls
 * ({@code /actuator/outbound}); an operator's typo must not replay or resend anything or fail on the server. A service
 * that consumes no events has no dead letters, one that calls nothing outside no outbound calls.
 */
final class OperatorRequests {

    private OperatorRequests() {
    }

    static List<Endpoint> endpoints(Suite suite) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            if (Http.get(suite.service(service).baseUrl() + "/actuator/outbound").status() == 200) {
                String unknown = "/actuator/outbound/3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e";
                endpoints.add(Endpoint.of(service, "GET", "/actuator/outbound/{id}", unknown)
                        .pathCase("id that is no UUID", "/actuator/outbound/abc", 400, null)
                        .pathCase("unknown id", unknown, 404, null)
                        .pathCase("an unknown status", "/actuator/outbound?status=lost", 400, null)
                        .wrongMethod("DELETE"));
                endpoints.add(Endpoint.of(service, "POST", "/actuator/outbound/{id}", unknown)
                        .pathCase("id that is no UUID", "/actuator/outbound/12", 400, null)
                        .pathCase("unknown id", unknown, 404, null));
            }
            if (Http.get(suite.service(service).baseUrl() + "/actuator/deadletters").status() != 200) {
                continue;
            }
            endpoints.add(Endpoint.of(service, "GET", "/actuator/deadletters/{id}", "/actuator/deadletters/1")
                    .pathCase("non-numeric id", "/actuator/deadletters/abc", 400, null)
                    .pathCase("fractional id", "/actuator/deadletters/1.5", 400, null)
                    .pathCase("unknown id", "/actuator/deadletters/987654321", 404, null)
                    .pathCase("all is not a boolean", "/actuator/deadletters?all=maybe", 400, null)
                    .wrongMethod("DELETE"));
            endpoints.add(Endpoint.of(service, "POST", "/actuator/deadletters/{id}", "/actuator/deadletters/1")
                    .pathCase("non-numeric id", "/actuator/deadletters/abc", 400, null)
                    .pathCase("id beyond the range of a long", "/actuator/deadletters/99999999999999999999", 400,
                            null)
                    .pathCase("unknown id", "/actuator/deadletters/987654321", 404, null));
        }
        return endpoints;
    }
}
