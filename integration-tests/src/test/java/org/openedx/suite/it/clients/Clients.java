package org.openedx.suite.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.Http.Response;

/** Expectations every client call shares: the service answered with the status the spec promises. */
final class Clients {

    private Clients() {
    }

    static Response expect(int status, Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }

    static Response ok(Response response) {
        assertThat(response.status()).as("%s", response).isBetween(200, 299);
        return response;
    }

    static Response get(String url) {
        return Http.get(url);
    }
}
