package org.openedx.suite.lms.completion;

import java.util.List;

import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.contracts.CourseKey;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/completion")
@Validated
class CompletionController {

    private final Completions completions;
    private final Users users;
    private final Courses courses;

    CompletionController(Completions completions, Users users, Courses courses) {
        this.completions = completions;
        this.users = users;
        this.courses = courses;
    }

    @GetMapping("/{course_key}/{username}")
    public List<CompletionResponse> of(@PathVariable("course_key") @CourseKey String courseKey,
                                       @PathVariable String username) {
        var user = users.require(username);
        var course = courses.require(courseKey);
        return completions.of(user.id(), course.courseKey()).stream()
                .map(c -> new CompletionResponse(c.usageKey(), c.completion())).toList();
    }

    record CompletionResponse(String usageKey, double completion) {
    }
}
