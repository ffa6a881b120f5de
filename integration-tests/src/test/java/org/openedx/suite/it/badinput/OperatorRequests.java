package org.openedx.suite.it.badinput;

import java.util.ArrayList;
import java.util.List;

import org.openedx.suite.it.support.Http;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The dead-letter endpoint every service has beside its API ({@code /actuator/deadletters}): an operator's typo must
 * not replay anything or fail on the server. A service that consumes no events has no dead letters and no such endpoint.
 */
final class OperatorRequests {

    private OperatorRequests() {
    }

    static List<Endpoint> endpoints(Suite suite) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
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
