package org.openedx.suite.cms.search;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.search.mapper.orm.session.SearchSession;
import org.openedx.suite.cms.content.Block;
import org.openedx.suite.contracts.ContentAuthoringEvents.ContentObjectTagsChanged;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockCreated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDeleted;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDuplicated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockUpdated;
import org.openedx.suite.search.SearchIndexes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the content search index up to date, as Open edX's content/search handlers do: each block change re-indexes
 * what it changed. An edit re-indexes the block's descendants too, whose breadcrumbs carry its name. Each reaction
 * writes the block as it is now, so running one twice, or late, leaves the same document.
 */
@Component
class ContentIndexing {

    private final SearchIndexes indexes;

    ContentIndexing(SearchIndexes indexes) {
        this.indexes = indexes;
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
        indexes.indexing(search -> search.indexingPlan().purge(Block.class, deleted.xblockInfo().usageKey(), null));
    }

    @ApplicationModuleListener
    void on(ContentObjectTagsChanged changed) {
        indexes.indexing(search -> index(search, changed.contentObject().objectId(), false));
    }

    /** The block's document as the block is now (gone if the block is); with its descendants' if asked. */
    private static void index(SearchSession search, String usageKey, boolean withDescendants) {
        Block block = search.toEntityManager().find(Block.class, usageKey);
        if (block == null) {
            // a course key (course tags are not searched), or a block deleted since: its own event purges it
            return;
        }
        List<Block> level = List.of(block);
        while (!level.isEmpty()) {
            level.forEach(search.indexingPlan()::addOrUpdate);
            if (!withDescendants) {
                return;
            }
            level = children(search, level);
        }
    }

    private static List<Block> children(SearchSession search, List<Block> parents) {
        return new ArrayList<>(search.toEntityManager()
                .createQuery("select b from Block b where b.parent in :parents", Block.class)
                .setParameter("parents", parents).getResultList());
    }
}
