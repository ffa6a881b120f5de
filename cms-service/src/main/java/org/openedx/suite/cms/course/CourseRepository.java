package org.openedx.suite.cms.course;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CourseRepository extends JpaRepository<Course, String> {

    /** The course with its row locked until the transaction ends: edits and publishes of one course take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Course c where c.courseKey = :courseKey")
    Optional<Course> findForUpdate(String courseKey);
}
