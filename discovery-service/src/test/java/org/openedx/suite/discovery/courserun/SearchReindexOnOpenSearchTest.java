package org.openedx.suite.discovery.courserun;

import jakarta.persistence.EntityManager;
import org.openedx.suite.discovery.DiscoveryServiceTest;
import org.openedx.suite.search.SearchIndexes;
import org.openedx.suite.testsupport.RealOpenSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link SearchReindexTest} on a real OpenSearch node, where the reindex builds a new index beside the one searches
 * read and switches the read alias to it, or deletes it when its size is refused.
 */
@DiscoveryServiceTest
class SearchReindexOnOpenSearchTest extends SearchReindexTest {

    SearchReindexOnOpenSearchTest(Catalog catalog, SearchIndexes indexes, JdbcTemplate jdbc,
                                  EntityManager entityManager, PlatformTransactionManager transactionManager) {
        super(catalog, indexes, jdbc, entityManager, transactionManager);
    }

    @DynamicPropertySource
    static void onOpenSearch(DynamicPropertyRegistry registry) {
        RealOpenSearch.searchIndexes(registry);
    }
}
