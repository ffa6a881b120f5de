package org.openedx.suite.discovery.courserun;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface HistoricalCourseRunRepository extends JpaRepository<HistoricalCourseRun, Long> {

    Page<HistoricalCourseRun> findByDetailsRunKey(String runKey, Pageable pageable);
}
