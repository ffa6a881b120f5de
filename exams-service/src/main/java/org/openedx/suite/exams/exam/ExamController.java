package org.openedx.suite.exams.exam;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/exams")
@Validated
class ExamController {

    private final Exams service;

    ExamController(Exams service) {
        this.service = service;
    }

    /** The course run's staff create its exams. */
    @PostMapping
    ResponseEntity<ExamResponse> create(@Valid @RequestBody CreateExamRequest request, Caller caller) {
        caller.require(caller.isStaffOf(request.courseKey()), "create exams in " + request.courseKey());
        ExamResponse exam = service.create(request);
        return ResponseEntity.created(URI.create("/api/exams/" + exam.id())).body(exam);
    }

    @GetMapping("/{exam_id}")
    ExamResponse get(@PathVariable("exam_id") long examId) {
        return service.get(examId);
    }

    @GetMapping
    List<ExamResponse> list(@RequestParam(name = "course_key", required = false) @CourseKey String courseKey) {
        return service.list(courseKey);
    }
}
