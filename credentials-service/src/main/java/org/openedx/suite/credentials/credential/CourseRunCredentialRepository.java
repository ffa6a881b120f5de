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

    @Query(nativeQuery = true, value = """
            SELECT c.* FROM course_run_credential c
             WHERE c.status = 'awarded' AND c.username = ANY (CAST(:usernames AS text[]))
               AND c.course_key = ANY (CAST(:courseKeys AS text[]))
            """)
    List<CourseRunCredential> findAwardedOf(@Param("usernames") String[] usernames,
                                            @Param("courseKeys") String[] courseKeys);

    @Query(nativeQuery = true, value = """
            SELECT c.username FROM course_run_credential c
             WHERE c.status = 'awarded' AND c.course_key = ANY (CAST(:courseKeys AS text[]))
             GROUP BY c.username HAVING count(DISTINCT c.course_key) = :count
            """)
    List<String> holdersOfAll(@Param("courseKeys") String[] courseKeys, @Param("count") int count);
}
