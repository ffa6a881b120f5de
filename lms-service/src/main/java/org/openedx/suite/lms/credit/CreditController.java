package org.openedx.suite.lms.credit;

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
@RequestMapping("/api/credit")
@Validated
class CreditController {

    private final CreditRequirements requirements;
    private final Users users;
    private final Courses courses;

    CreditController(CreditRequirements requirements, Users users, Courses courses) {
        this.requirements = requirements;
        this.users = users;
        this.courses = courses;
    }

    @GetMapping("/{course_key}/{username}")
    public List<RequirementStatusResponse> of(@PathVariable("course_key") @CourseKey String courseKey,
                                              @PathVariable String username) {
        var user = users.require(username);
        var course = courses.require(courseKey);
        return requirements.of(user.id(), course.courseKey()).stream()
                .map(s -> new RequirementStatusResponse(s.namespace(), s.name(), s.status())).toList();
    }

    record RequirementStatusResponse(String namespace, String name, String status) {
    }
}
