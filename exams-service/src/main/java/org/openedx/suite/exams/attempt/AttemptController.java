package org.openedx.suite.exams.attempt;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class AttemptController {

    private final Attempts service;

    AttemptController(Attempts service) {
        this.service = service;
    }

    @PostMapping("/api/exams/{exam_id}/attempts")
    ResponseEntity<AttemptResponse> start(@PathVariable("exam_id") long examId,
                                          @Valid @RequestBody StartAttemptRequest request, Caller caller) {
        AttemptResponse attempt = service.start(examId, request.user(), caller);
        return ResponseEntity.created(URI.create("/api/attempts/" + attempt.id())).body(attempt);
    }

    @PutMapping("/api/attempts/{attempt_id}")
    AttemptResponse change(@PathVariable("attempt_id") long attemptId,
                           @Valid @RequestBody ChangeAttemptRequest request, Caller caller) {
        return service.change(attemptId, request.action(), caller);
    }

    @DeleteMapping("/api/attempts/{attempt_id}")
    ResponseEntity<Void> reset(@PathVariable("attempt_id") long attemptId,
                               @Valid @RequestBody(required = false) ResetAttemptRequest request,
                               Caller caller) {
        service.reset(attemptId, request == null ? null : request.requestingUser(), caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/attempts/{attempt_id}")
    AttemptResponse get(@PathVariable("attempt_id") long attemptId, Caller caller) {
        return service.get(attemptId, caller);
    }

    /** Filtered by learner, course or both; a learner sees their own, a run's staff that run's (ExamsAccess). */
    @GetMapping("/api/attempts")
    List<AttemptResponse> search(@RequestParam(required = false) String username,
                                 @RequestParam(name = "course_key", required = false) @CourseKey String courseKey) {
        return service.search(username, courseKey);
    }
}
