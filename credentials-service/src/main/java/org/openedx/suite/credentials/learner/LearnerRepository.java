package org.openedx.suite.credentials.learner;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LearnerRepository extends JpaRepository<Learner, Long> {

    Optional<Learner> findByUsername(String username);

    /**
     * The learners of some usernames, in one statement whose text is the same whatever their number: a JPQL IN list
     * is a new query for Hibernate to translate for every length, and that translation cost a consumer a fifth of its
     * CPU (JFR, benchmark of 2026-12-02).
     */
    @Query(nativeQuery = true, value = "SELECT * FROM learner WHERE username = ANY (CAST(:usernames AS text[]))")
    List<Learner> findAllByUsername(@Param("usernames") String[] usernames);
}
