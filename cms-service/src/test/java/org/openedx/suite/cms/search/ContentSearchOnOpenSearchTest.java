package org.openedx.suite.cms.search;

import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.cms.content.ContentClient;
import org.openedx.suite.testsupport.RealOpenSearch;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ContentSearchTest} with the index on a real OpenSearch node: Hibernate Search's Elasticsearch backend. */
@CmsServiceTest
class ContentSearchOnOpenSearchTest extends ContentSearchTest {

    ContentSearchOnOpenSearchTest(ContentClient content) {
        super(content);
    }

    @DynamicPropertySource
    static void onOpenSearch(DynamicPropertyRegistry registry) {
        RealOpenSearch.searchIndexes(registry);
    }
}
