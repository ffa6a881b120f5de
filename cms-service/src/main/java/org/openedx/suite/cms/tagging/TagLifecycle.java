package org.openedx.suite.cms.tagging;

import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDeleted;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDuplicated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tags follow their blocks: a deleted block loses them, a copy gets its original's. */
@Component
class TagLifecycle {

    private final ObjectTags tags;

    TagLifecycle(ObjectTags tags) {
        this.tags = tags;
    }

    @ApplicationModuleListener
    void on(XBlockDeleted deleted) {
        tags.removeAll(deleted.xblockInfo().usageKey());
    }

    @ApplicationModuleListener
    void on(XBlockDuplicated duplicated) {
        tags.copy(duplicated.xblockInfo().sourceUsageKey(), duplicated.xblockInfo().usageKey());
    }
}
