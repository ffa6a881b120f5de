package org.openedx.suite.exams.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Public because starting an attempt needs its exam. */
public interface ExamRepository extends JpaRepository<Exam, Long> {

    boolean existsByUsageKey(String usageKey);

    List<Exam> findByCourseKeyOrderById(String courseKey);

    List<Exam> findAllByOrderById();
}
