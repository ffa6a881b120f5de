package org.openedx.suite.discovery.courserun;

import org.openedx.suite.discovery.DiscoveryServiceTest;
import org.openedx.suite.testsupport.RealOpenSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CatalogSearchTest} with the index on a real OpenSearch node: Hibernate Search's Elasticsearch backend. */
@DiscoveryServiceTest
class CatalogSearchOnOpenSearchTest extends CatalogSearchTest {

    CatalogSearchOnOpenSearchTest(Catalog catalog, JdbcTemplate jdbc) {
        super(catalog, jdbc);
    }

    @DynamicPropertySource
    static void onOpenSearch(DynamicPropertyRegistry registry) {
        RealOpenSearch.searchIndexes(registry);
    }
}
