package org.openedx.suite.credentials.program;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProgramRepository extends JpaRepository<Program, UUID> {

    List<Program> findAllByOrderByCreatedAscUuidAsc();

    /** The programs that require any of these course runs. */
    @Query(nativeQuery = true, value = "SELECT p.* FROM program p WHERE p.course_keys && CAST(:courseKeys AS text[])")
    List<Program> requiringAnyOf(@Param("courseKeys") String[] courseKeys);
}
