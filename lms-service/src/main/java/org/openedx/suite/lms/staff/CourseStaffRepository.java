package org.openedx.suite.lms.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CourseStaffRepository extends JpaRepository<CourseStaffMember, CourseStaffMember.Id> {

    @Query("select s.id.courseKey from CourseStaffMember s where s.id.userId = :userId order by s.id.courseKey")
    List<String> courseKeysOf(long userId);

    /** 1 if the row is new, 0 if it was there (a concurrent request's included). */
    @Modifying
    @Query(nativeQuery = true, value = "INSERT INTO course_staff (course_key, user_id, added_at) "
            + "VALUES (:courseKey, :userId, :addedAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String courseKey, long userId, Instant addedAt);

    @Query("select s from CourseStaffMember s where s.id.courseKey = :courseKey")
    List<CourseStaffMember> staffOf(String courseKey);
}
