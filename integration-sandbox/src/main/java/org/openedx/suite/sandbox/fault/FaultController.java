package org.openedx.suite.sandbox.fault;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.openedx.suite.sandbox.web.JsonBody;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/faults}: failures for demos and tests. {@code PUT {target, mode, status?, delay_ms?, times?}} sets the
 * target's fault (replacing the one it had), {@code GET} lists them, {@code DELETE} clears them all.
 */
@RestController
@RequestMapping(path = "/api/faults", produces = MediaType.APPLICATION_JSON_VALUE)
class FaultController {

    private static final Set<String> TARGETS = Set.of(Faults.WEBHOOK, Faults.CERTIFICATE_PROVIDER, Faults.PLAGIARISM,
            Faults.CREDLY, Faults.ACCREDIBLE, Faults.LRS);
    private static final Pattern RECEIVER_TARGET = Pattern.compile(Faults.WEBHOOK + ":[^\\s/]+");
    private static final int LONGEST_DELAY_MS = 60_000;

    private final Faults faults;
    private final ObjectMapper json;

    FaultController(Faults faults, ObjectMapper json) {
        this.faults = faults;
        this.json = json;
    }

    @PutMapping
    Fault put(@RequestBody(required = false) byte[] body) {
        JsonBody request = JsonBody.of(json, body);
        String target = request.text("target");
        if (!TARGETS.contains(target) && !RECEIVER_TARGET.matcher(target).matches()) {
            throw SandboxException.badRequest("target",
                    "must be webhook, webhook:<receiver>, certificate-provider, plagiarism, credly, accredible or lrs");
        }
        Mode mode = Mode.of(request.text("mode"))
                .orElseThrow(() -> SandboxException.badRequest("mode", "must be down, slow or status"));
        Integer status = onlyFor(mode, Mode.STATUS, request, "status", 400, 599);
        Integer delayMs = onlyFor(mode, Mode.SLOW, request, "delay_ms", 0, LONGEST_DELAY_MS);
        Integer times = request.optionalInt("times", 1, Integer.MAX_VALUE).orElse(null);
        return faults.put(new Fault(target, mode, status, delayMs, times));
    }

    @GetMapping
    List<Fault> list() {
        return faults.list();
    }

    @DeleteMapping
    ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    /** A field that {@code mode} requires and the other modes refuse. */
    private static Integer onlyFor(Mode mode, Mode owner, JsonBody request, String field, int min, int max) {
        if (mode != owner) {
            if (request.has(field)) {
                throw SandboxException.badRequest(field, "goes only with mode " + owner.label());
            }
            return null;
        }
        return request.optionalInt(field, min, max)
                .orElseThrow(() -> SandboxException.badRequest(field, "is required with mode " + owner.label()));
    }
}
