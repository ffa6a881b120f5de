package org.openedx.suite.cms.content;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BlockRepository extends JpaRepository<Block, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Block b where b.usageKey = :usageKey")
    Optional<Block> findForUpdate(String usageKey);

    @Query("select b from Block b where b.parent = :parent order by b.position")
    List<Block> childrenOf(Block parent);

    @Query("select b from Block b where b.courseKey = :courseKey and b.parent is null order by b.position")
    List<Block> chaptersOf(String courseKey);

    @Query("select b from Block b where b.courseKey = :courseKey")
    List<Block> allOf(String courseKey);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Block b where b.usageKey in :usageKeys")
    int deleteAll(List<String> usageKeys);
}
