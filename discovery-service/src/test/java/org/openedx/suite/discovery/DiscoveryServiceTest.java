package org.openedx.suite.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openedx.suite.discovery.courserun.Catalog;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.ServiceTest;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole Discovery service on a random port against real PostgreSQL and Kafka, with {@link Catalog} (the catalog
 * topic the CMS writes to, and the REST API) handed to the test's constructor, and a search index of its own in a
 * fresh directory. All such tests share one service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTest
@AutoConfigureRestTestClient
@Import(DiscoveryServiceTest.Clients.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface DiscoveryServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clients {

        @Bean
        Catalog catalog(RestTestClient http, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                        EventBusTopics topics, JdbcTemplate jdbc) {
            return new Catalog(http, bootstrapServers, topics, jdbc);
        }

        @Bean
        static FreshSearchIndex freshSearchIndex() {
            return new FreshSearchIndex();
        }
    }

    /**
     * Points the context's search index (Lucene) at a new directory of its own, before anything reads the setting,
     * and deletes it once the context has closed: contexts never see each other's documents, and nothing is left.
     */
    final class FreshSearchIndex implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

        static final String DIRECTORY = "spring.jpa.properties.hibernate.search.backend.directory.root";

        private ConfigurableEnvironment environment;
        private Path directory;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = (ConfigurableEnvironment) environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            try {
                directory = Files.createTempDirectory("discovery-search-index-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            environment.getPropertySources().addFirst(new MapPropertySource("freshSearchIndex",
                    Map.of(DIRECTORY, directory.toString())));
        }

        @Override
        public void destroy() throws IOException {
            if (directory != null && Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }
}
