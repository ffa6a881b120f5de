package org.openedx.suite.search;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link SearchIndexes}, its operator endpoint, and the filling of empty indexes once the service is up. */
@AutoConfiguration(afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(Search.class)
@ConditionalOnBean(EntityManagerFactory.class)
@EnableConfigurationProperties(SearchProperties.class)
public class SearchSupportAutoConfiguration {

    @Bean
    SearchIndexes searchIndexes(EntityManagerFactory entityManagerFactory, EntityManager entityManager,
                                DataSource dataSource, PlatformTransactionManager transactionManager,
                                SearchProperties properties) {
        return new SearchIndexes(entityManagerFactory, entityManager, dataSource, transactionManager, properties);
    }

    /** The indexes' names in a search cluster, with {@code suite.search.index-prefix} (unused by Lucene). */
    @Bean
    HibernatePropertiesCustomizer searchIndexLayout(SearchProperties properties) {
        return hibernate -> {
            if ("elasticsearch".equals(hibernate.get("hibernate.search.backend.type"))) {
                hibernate.put("hibernate.search.backend.layout.strategy", new SuiteIndexLayout(properties.indexPrefix()));
            }
        };
    }

    /** A new index directory or search cluster starts empty: built from the tables before the service is ready. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> searchIndexesFilled(SearchIndexes indexes) {
        return event -> indexes.fillEmptyIndexes();
    }

    @ConditionalOnWebApplication
    @Import(SearchReindexController.class)
    static class Web {
    }
}
