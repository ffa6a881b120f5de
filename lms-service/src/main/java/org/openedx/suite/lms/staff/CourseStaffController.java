package org.openedx.suite.lms.staff;

import java.util.List;

import org.openedx.suite.contracts.CourseKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/courses/{course_key}/staff}: the course staff of a run (ADR 7). */
@RestController
@RequestMapping("/api/courses/{course_key}/staff")
@Validated
class CourseStaffController {

    private final CourseStaff staff;

    CourseStaffController(CourseStaff staff) {
        this.staff = staff;
    }

    @GetMapping
    List<CourseStaff.Member> list(@PathVariable("course_key") @CourseKey String courseKey) {
        return staff.of(courseKey);
    }

    /** 201 when the user became staff, 200 when they already were. */
    @PostMapping("/{username}")
    ResponseEntity<CourseStaff.Member> add(@PathVariable("course_key") @CourseKey String courseKey,
                                           @PathVariable String username) {
        CourseStaff.Added added = staff.add(courseKey, username);
        return ResponseEntity.status(added.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(added.member());
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> remove(@PathVariable("course_key") @CourseKey String courseKey,
                                @PathVariable String username) {
        staff.remove(courseKey, username);
        return ResponseEntity.noContent().build();
    }
}
