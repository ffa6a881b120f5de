package org.openedx.suite.lms.completion;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BlockCompletionRepository extends JpaRepository<BlockCompletion, Long> {

    Optional<BlockCompletion> findByUserIdAndUsageKey(long userId, String usageKey);

    List<BlockCompletion> findByUserIdAndCourseKeyOrderByUsageKey(long userId, String courseKey);
}
