package org.openedx.suite.credentials.credential;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CourseRunCredentialRepository extends JpaRepository<CourseRunCredential, Long> {

    Optional<CourseRunCredential> findByUuid(UUID uuid);

    List<CourseRunCredential> findByUsernameOrderByCourseKey(String username);

    /**
     * The credentials of some learners' course runs, the i-th username with the i-th course key, in one statement
     * whatever their number (JPQL has no IN over pairs).
     */
    @Query(nativeQuery = true, value = """
            SELECT c.* FROM course_run_credential c
              JOIN unnest(CAST(:usernames AS text[]), CAST(:courseKeys AS text[])) AS k (username, course_key)
                ON c.username = k.username AND c.course_key = k.course_key
            """)
    List<CourseRunCredential> findAllOf(@Param("usernames") String[] usernames,
                                        @Param("courseKeys") String[] courseKeys);
}
