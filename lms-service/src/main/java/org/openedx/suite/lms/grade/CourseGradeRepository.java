package org.openedx.suite.lms.grade;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CourseGradeRepository extends JpaRepository<CourseGrade, Long> {

    /** The standing of a learner without scores; lets two first changes race for one row instead of two. */
    @Modifying
    @Query(value = """
            INSERT INTO course_grade (user_id, course_key, percent, passed, modified)
            VALUES (:userId, :courseKey, 0, false, now())
            ON CONFLICT (user_id, course_key) DO NOTHING
            """, nativeQuery = true)
    void createIfMissing(long userId, String courseKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from CourseGrade g where g.userId = :userId and g.courseKey = :courseKey")
    Optional<CourseGrade> lock(long userId, String courseKey);

    Optional<CourseGrade> findByUserIdAndCourseKey(long userId, String courseKey);

    @Query("select g.userId from CourseGrade g where g.courseKey = :courseKey order by g.userId")
    List<Long> learnersIn(String courseKey);
}
