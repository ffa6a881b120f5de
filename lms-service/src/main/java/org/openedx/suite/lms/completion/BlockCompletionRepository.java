package org.openedx.suite.lms.completion;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BlockCompletionRepository extends JpaRepository<BlockCompletion, Long> {

    List<BlockCompletion> findByUserIdAndCourseKeyOrderByUsageKey(long userId, String courseKey);

    /** The completions of blocks, block i being (userIds[i], usageKeys[i]). */
    @Query(value = """
            SELECT c.* FROM block_completion c
             WHERE (c.user_id, c.usage_key) IN
                   (SELECT * FROM unnest(CAST(:userIds AS bigint[]), CAST(:usageKeys AS text[])))
            """, nativeQuery = true)
    List<BlockCompletion> findOfBlocks(Long[] userIds, String[] usageKeys);
}
