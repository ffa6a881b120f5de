package org.openedx.suite.sandbox.received;

import java.util.List;

import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/received}: what the stand-ins received, in arrival order ({@code ?kind=&receiver=} filter it);
 * {@code DELETE} forgets it together with what the requests created: certificates, checks, badges, credentials.
 */
@RestController
@RequestMapping(path = "/api/received", produces = MediaType.APPLICATION_JSON_VALUE)
class ReceivedController {

    private final Received received;
    private final List<Resettable> resettables;

    ReceivedController(Received received, List<Resettable> resettables) {
        this.received = received;
        this.resettables = resettables;
    }

    @GetMapping
    List<ReceivedRequest> list(@RequestParam(required = false) String kind,
                               @RequestParam(required = false) String receiver) {
        Kind wanted = kind == null || kind.isEmpty() ? null : Kind.of(kind).orElseThrow(() ->
                SandboxException.badRequest("kind", "must be one of " + Kind.labels()));
        return received.list(wanted, receiver == null || receiver.isEmpty() ? null : receiver);
    }

    @DeleteMapping
    ResponseEntity<Void> clear() {
        resettables.forEach(Resettable::reset);
        return ResponseEntity.noContent().build();
    }
}
