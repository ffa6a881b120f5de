package org.openedx.suite.cms.search;

import java.util.List;

import org.hibernate.search.mapper.orm.session.SearchSession;
import org.openedx.suite.cms.content.Block;
import org.openedx.suite.contracts.ContentAuthoringEvents.ContentObjectTagsChanged;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockCreated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDeleted;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDuplicated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockUpdated;
import org.openedx.suite.search.SearchIndexes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the content search index up to date, as Open edX's content/search handlers do: each block change re-indexes
 * what it changed. An edit re-indexes the block's descendants too, whose breadcrumbs carry its name. Each reaction
 * writes the block as it is now, so running one twice, or late, leaves the same document; and two reactions for one
 * block take turns (a transaction-scoped lock per block, taken before the block is read, parents before children),
 * so one that read the block before a newer edit committed has written it before the newer edit's reaction reads it.
 */
@Component
class ContentIndexing {

    private final SearchIndexes indexes;
    private final JdbcTemplate jdbc;

    ContentIndexing(SearchIndexes indexes, JdbcTemplate jdbc) {
        this.indexes = indexes;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(XBlockCreated created) {
        indexes.indexing(search -> index(search, created.xblockInfo().usageKey(), false));
    }

    @ApplicationModuleListener
    void on(XBlockUpdated updated) {
        indexes.indexing(search -> index(search, updated.xblockInfo().usageKey(), true));
    }

    @ApplicationModuleListener
    void on(XBlockDuplicated duplicated) {
        indexes.indexing(search -> index(search, duplicated.xblockInfo().usageKey(), false));
    }

    @ApplicationModuleListener
    void on(XBlockDeleted deleted) {
        String usageKey = deleted.xblockInfo().usageKey();
        indexes.indexing(search -> {
            takeTurn(usageKey);
            search.indexingPlan().purge(Block.class, usageKey, null);
        });
    }

    @ApplicationModuleListener
    void on(ContentObjectTagsChanged changed) {
        indexes.indexing(search -> index(search, changed.contentObject().objectId(), false));
    }

    /** The block's document as the block is now (gone if the block is); with its descendants' if asked. */
    private void index(SearchSession search, String usageKey, boolean withDescendants) {
        List<String> level = List.of(usageKey);
        while (!level.isEmpty()) {
            level.forEach(this::takeTurn);
            List<Block> blocks = search.toEntityManager()
                    .createQuery("select b from Block b where b.usageKey in :keys", Block.class)
                    .setParameter("keys", level).getResultList();
            // none: a course key (course tags are not searched), or a block deleted since, whose own event purges it
            blocks.forEach(search.indexingPlan()::addOrUpdate);
            if (!withDescendants || blocks.isEmpty()) {
                return;
            }
            level = search.toEntityManager()
                    .createQuery("select b.usageKey from Block b where b.parent in :parents order by b.usageKey",
                            String.class)
                    .setParameter("parents", blocks).getResultList();
        }
    }

    private void takeTurn(String usageKey) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, "index:" + usageKey);
    }
}
