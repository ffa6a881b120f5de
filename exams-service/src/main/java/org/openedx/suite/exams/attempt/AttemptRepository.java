package org.openedx.suite.exams.attempt;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttemptRepository extends JpaRepository<Attempt, Long> {

    /** Locks the row, so that concurrent actions on one attempt take turns and the second sees the first's status. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Attempt a where a.id = :id")
    Optional<Attempt> findForUpdate(@Param("id") long id);

    boolean existsByExamIdAndUserId(long examId, long userId);

    @Query("""
            select a from Attempt a join fetch a.exam e
             where (:username is null or a.username = :username)
               and (:courseKey is null or e.courseKey = :courseKey)
             order by a.id
            """)
    List<Attempt> search(@Param("username") String username, @Param("courseKey") String courseKey);

    @Query("select a from Attempt a join fetch a.exam where a.id = :id")
    Optional<Attempt> findWithExam(@Param("id") long id);
}
