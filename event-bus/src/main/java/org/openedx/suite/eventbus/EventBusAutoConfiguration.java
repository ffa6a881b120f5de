package org.openedx.suite.eventbus;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Wires the event bus into a service: the outbox publisher and its relay, the topics, and, when the service has
 * {@link EventHandler}s, the exactly-once consumer with retries and dead-letter topics.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        TransactionAutoConfiguration.class, KafkaAutoConfiguration.class},
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@EnableConfigurationProperties(EventBusProperties.class)
public class EventBusAutoConfiguration {

    @Bean(initMethod = "migrate")
    EventBusSchema eventBusSchema(DataSource dataSource) {
        return new EventBusSchema(dataSource);
    }

    @Bean
    EventBusTopics eventBusTopics(EventBusProperties properties) {
        return new EventBusTopics(properties.topicPrefix());
    }

    /** Raw bytes both ways: the relay sends what the outbox holds, and dead letters keep what was received. */
    @Bean
    KafkaTemplate<byte[], byte[]> eventBusKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // the guarantees the outbox promises: nothing lost (acks=all), no duplicates or reordering from retries
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // the relay retries on its own; a short block keeps a round from hanging while the broker is down
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            KafkaTemplate<byte[], byte[]> eventBusKafkaTemplate, KafkaAdmin admin,
                            EventBusProperties properties, EventBusSchema schema) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), eventBusKafkaTemplate, admin,
                properties, hostName());
    }

    @Bean
    EventPublisher eventPublisher(JdbcTemplate jdbc, EventBusTopics topics, ObjectProvider<ProducedEvents> produced,
                                  ObjectProvider<OutboxEventPublisher.PendingWritesFlusher> flusher,
                                  OutboxRelay relay, EventBusProperties properties,
                                  ObjectProvider<PublishedEventsListener> listeners) {
        ProducedEvents events = ProducedEvents.merge(produced.orderedStream().toList());
        events.requireProducedBy(properties.service());
        return new OutboxEventPublisher(jdbc, topics, events,
                flusher.getIfAvailable(() -> OutboxEventPublisher.PendingWritesFlusher.NONE), relay,
                listeners.orderedStream().toList(), properties.service(), hostName());
    }

    /** The tracker of a service that produces tracking logs (the LMS, exams, the CMS); it declares their type. */
    @Bean
    Tracker tracker(EventPublisher eventPublisher, EventBusProperties properties) {
        return new OutboxTracker(eventPublisher, java.util.Set.copyOf(properties.trackingLogs()));
    }

    @Bean
    ProducedEvents trackingEvents(EventBusProperties properties) {
        return OpenEdxEvents.TRACKING_EVENT_EMITTED.isProducedBy(properties.service())
                ? ProducedEvents.of(OpenEdxEvents.TRACKING_EVENT_EMITTED) : ProducedEvents.of();
    }

    /** Every topic the service touches, with its dead-letter topic; created at start-up if missing. */
    @Bean
    KafkaAdmin.NewTopics eventBusNewTopics(EventBusTopics topics, EventBusProperties properties,
                                           ObjectProvider<ProducedEvents> produced,
                                           ObjectProvider<EventHandler<?>> handlers) {
        List<EventType<?>> types = new ArrayList<>();
        produced.orderedStream().forEach(p -> types.addAll(p.types()));
        handlers.orderedStream().forEach(h -> types.addAll(h.eventTypes()));
        Set<String> names = new LinkedHashSet<>();
        for (String topic : topics.topicsOf(types)) {
            names.add(topic);
            names.add(topics.deadLetterTopicOf(topic));
        }
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> new NewTopic(name, properties.partitions(), properties.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EntityManagerFactory.class)
    static class JpaSupport {

        @Bean
        @ConditionalOnBean(EntityManagerFactory.class)
        OutboxEventPublisher.PendingWritesFlusher jpaPendingWritesFlusher(EntityManagerFactory entityManagerFactory) {
            return () -> {
                var entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
                if (entityManager != null) {
                    entityManager.flush();
                }
            };
        }
    }

    @Bean
    PayloadChecks eventPayloadChecks() {
        return new PayloadChecks();
    }

    @Bean
    InboundEventDispatcher inboundEventDispatcher(ObjectProvider<EventHandler<?>> handlers, JdbcTemplate jdbc,
                                                  PlatformTransactionManager transactionManager,
                                                  ObjectProvider<OutboxEventPublisher.PendingWritesFlusher> flusher,
                                                  PayloadChecks payloadChecks, EventBusSchema schema) {
        return new InboundEventDispatcher(handlers.orderedStream().toList(), jdbc,
                new TransactionTemplate(transactionManager), payloadChecks,
                flusher.getIfAvailable(() -> OutboxEventPublisher.PendingWritesFlusher.NONE));
    }

    @Bean
    DeadLetters deadLetters(JdbcTemplate jdbc, EventBusSchema schema) {
        return new DeadLetters(jdbc);
    }

    /**
     * Blocking retries keep a key's events in order; after the last attempt the record goes to {@code <topic>-dlt}
     * on the same partition, with the exception in its headers, and into the service's dead-letter log for replay
     * (with how many times it was tried); then the partition moves on.
     */
    @Bean
    DefaultErrorHandler eventBusErrorHandler(KafkaTemplate<byte[], byte[]> eventBusKafkaTemplate,
                                             EventBusProperties properties, EventBusTopics topics,
                                             DeadLetters deadLetters) {
        var deadLetterTopic = new DeadLetterPublishingRecoverer(eventBusKafkaTemplate, (record, exception) -> {
            String topic = topics.deadLetterTopicOf(record.topic());
            // the same partition keeps a key's dead letters in order; a topic made elsewhere may have more partitions
            // than its dead-letter topic, and then the producer picks one by key (-1) rather than fail for ever
            boolean samePartition = record.partition() < eventBusKafkaTemplate.partitionsFor(topic).size();
            return new TopicPartition(topic, samePartition ? record.partition() : -1);
        });
        var consumer = properties.consumer();
        var attempts = new DeliveryAttempts();
        var handler = new DefaultErrorHandler((record, exception) -> {
            deadLetters.record(record, exception, attempts.takeFor(record));
            deadLetterTopic.accept(record, exception);
        }, new FixedBackOff(consumer.backoff().toMillis(), consumer.attempts() - 1L));
        handler.setRetryListeners(attempts);
        handler.addNotRetryableExceptions(PoisonMessageException.class);
        handler.setCommitRecovered(true);
        // the batch error handler signals "go on after the failed record" with an exception; that is routine, and
        // each dead letter gets its own WARN line from DeadLetters
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    @Bean
    EventBusConsumer eventBusConsumer(InboundEventDispatcher dispatcher, KafkaProperties kafka,
                                      EventBusProperties properties, EventBusTopics topics,
                                      DefaultErrorHandler eventBusErrorHandler, KafkaAdmin admin,
                                      @Value("${spring.application.name}") String applicationName) {
        return new EventBusConsumer(dispatcher, d ->
                listenerContainer(d, kafka, properties, topics, eventBusErrorHandler, applicationName), admin,
                properties.consumer().concurrency() > 0);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetters deadLetters, InboundEventDispatcher dispatcher) {
        return new DeadLetterEndpoint(deadLetters, dispatcher);
    }

    @Bean
    EventBusRetention eventBusRetention(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                        EventBusProperties properties, ObjectProvider<MeterRegistry> registry) {
        var retention = new EventBusRetention(jdbc, new TransactionTemplate(transactionManager),
                properties.retention());
        registry.ifAvailable(retention::bindTo);
        return retention;
    }

    @Bean("eventBus")
    EventBusObservability eventBusObservability(JdbcTemplate jdbc, DeadLetters deadLetters, OutboxRelay relay,
                                                InboundEventDispatcher dispatcher,
                                                ObjectProvider<MeterRegistry> registry) {
        var observability = new EventBusObservability(jdbc, deadLetters, relay, dispatcher);
        registry.ifAvailable(observability::bindTo);
        return observability;
    }

    private static ConcurrentMessageListenerContainer<byte[], byte[]> listenerContainer(
            InboundEventDispatcher dispatcher, KafkaProperties kafka, EventBusProperties properties,
            EventBusTopics topics, DefaultErrorHandler errorHandler, String applicationName) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, applicationName);
        // a service that starts after events were published must still see them
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // topics created after the consumer subscribed are found within seconds, not the default five minutes
        config.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        // a poll is applied in one transaction with a few set-based statements: the more it holds, the cheaper each
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);

        ContainerProperties containerProperties = new ContainerProperties(
                topics.topicsOf(dispatcher.handledTypes()).toArray(String[]::new));
        containerProperties.setMessageListener(dispatcher);
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        var container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<byte[], byte[]>(config), containerProperties);
        int concurrency = properties.consumer().concurrency();
        container.setConcurrency(concurrency > 0 ? concurrency
                : properties.partitions() * containerProperties.getTopics().length);
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName("event-bus-consumer");
        return container;
    }
}
