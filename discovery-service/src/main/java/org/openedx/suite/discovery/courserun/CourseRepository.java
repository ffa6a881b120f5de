package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CourseRepository extends JpaRepository<Course, String> {

    /**
     * Runs of one course may arrive at once, on different partitions: the first creates the course, the others find
     * it instead of failing on the key.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO course (key, title, created_at) VALUES (:key, :title, :createdAt)
            ON CONFLICT (key) DO NOTHING
            """)
    void createIfMissing(String key, String title, Instant createdAt);
}
