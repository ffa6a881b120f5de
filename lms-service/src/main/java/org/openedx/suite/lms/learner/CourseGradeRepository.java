package org.openedx.suite.lms.learner;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Learners' standings; a batch names them as two arrays of one length, learner i being (userIds[i], courseKeys[i]). */
interface CourseGradeRepository extends JpaRepository<CourseGrade, Long> {

    /** The standings of learners without scores; lets two first changes race for one row instead of two. */
    @Modifying
    @Query(value = """
            INSERT INTO course_grade (user_id, course_key, percent, passed, modified)
            SELECT user_id, course_key, 0, false, now()
              FROM unnest(CAST(:userIds AS bigint[]), CAST(:courseKeys AS text[])) AS l (user_id, course_key)
            ON CONFLICT (user_id, course_key) DO NOTHING
            """, nativeQuery = true)
    void createAllMissing(Long[] userIds, String[] courseKeys);

    /** Locks the standings in the order of their keys (the rows are locked as they come out of the sort). */
    @Query(value = """
            SELECT g.* FROM course_grade g
             WHERE (g.user_id, g.course_key) IN
                   (SELECT * FROM unnest(CAST(:userIds AS bigint[]), CAST(:courseKeys AS text[])))
             ORDER BY g.user_id, g.course_key
               FOR UPDATE
            """, nativeQuery = true)
    List<CourseGrade> lockAll(Long[] userIds, String[] courseKeys);

    Optional<CourseGrade> findByUserIdAndCourseKey(long userId, String courseKey);

    @Query("select g.userId from CourseGrade g where g.courseKey = :courseKey order by g.userId")
    List<Long> learnersIn(String courseKey);
}
