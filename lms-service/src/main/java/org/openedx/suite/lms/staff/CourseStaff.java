package org.openedx.suite.lms.staff;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is staff of which course run, managed by the operator. A user's tokens carry their course keys (ADR 7), so a
 * change reaches the other services with the user's next token, at most a token lifetime later.
 */
@Service
public class CourseStaff {

    private final CourseStaffRepository staff;
    private final Users users;

    CourseStaff(CourseStaffRepository staff, Users users) {
        this.staff = staff;
        this.users = users;
    }

    /** The course keys of the runs the user is staff of, for their token. */
    @Transactional(readOnly = true)
    public List<String> courseKeysOf(User user) {
        return staff.courseKeysOf(user.id());
    }

    /** The user ids of the run's staff. */
    @Transactional(readOnly = true)
    public List<Long> userIdsOf(String courseKey) {
        return staff.staffOf(courseKey).stream().map(CourseStaffMember::userId).toList();
    }

    /** Makes the user staff of the run, if they were not already. */
    @Transactional
    Added add(String courseKey, String username) {
        User user = users.require(username);
        boolean isNew = staff.insertIfAbsent(courseKey, user.id(), Instant.now()) == 1;
        CourseStaffMember member = staff.findById(new CourseStaffMember.Id(courseKey, user.id())).orElseThrow();
        return new Added(new Member(courseKey, user.username(), member.addedAt()), isNew);
    }

    @Transactional
    void remove(String courseKey, String username) {
        User user = users.require(username);
        CourseStaffMember.Id id = new CourseStaffMember.Id(courseKey, user.id());
        if (!staff.existsById(id)) {
            throw ApiException.notFound(username + " is not staff of " + courseKey);
        }
        staff.deleteById(id);
    }

    @Transactional(readOnly = true)
    List<Member> of(String courseKey) {
        var members = staff.staffOf(courseKey);
        var names = users.findAllById(members.stream().map(CourseStaffMember::userId).toList());
        return members.stream()
                .map(member -> new Member(courseKey, names.get(member.userId()).username(), member.addedAt()))
                .sorted(Comparator.comparing(Member::username))
                .toList();
    }

    record Member(String courseKey, String username, Instant addedAt) {
    }

    record Added(Member member, boolean isNew) {
    }
}
