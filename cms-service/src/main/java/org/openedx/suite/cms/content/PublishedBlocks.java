package org.openedx.suite.cms.content;

import java.util.List;

/** What a block publish announced: the blocks of the subtree changed since their last publish. */
record PublishedBlocks(String usageKey, List<String> published) {
}
