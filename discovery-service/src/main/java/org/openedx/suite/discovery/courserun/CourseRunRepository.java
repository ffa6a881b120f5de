package org.openedx.suite.discovery.courserun;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseRunRepository extends JpaRepository<CourseRun, String> {

    /** Runs whose lower-cased title or key matches {@code pattern}, a LIKE pattern escaped with a backslash. */
    @Query("""
            select r from CourseRun r
             where lower(r.details.title) like :pattern escape '\\'
                or lower(r.runKey) like :pattern escape '\\'
            """)
    Page<CourseRun> search(String pattern, Pageable pageable);
}
