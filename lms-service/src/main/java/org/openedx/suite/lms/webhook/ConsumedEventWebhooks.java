package org.openedx.suite.lms.webhook;

import java.util.List;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.ProgramCertificateEvent;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the events the LMS applies (catalog changes, exam attempts, program certificates) to the webhooks, in the consumer's transaction
 * beside the LMS's own handler of the type: exactly once per event, like every effect of a consumed event.
 */
final class ConsumedEventWebhooks<T> implements EventHandler<T> {

    private final List<EventType<T>> types;
    private final WebhookFanOut fanOut;

    ConsumedEventWebhooks(List<EventType<T>> types, WebhookFanOut fanOut) {
        this.types = types;
        this.fanOut = fanOut;
    }

    @Override
    public List<EventType<T>> eventTypes() {
        return types;
    }

    @Override
    public void apply(InboundEvents<T> events) {
        fanOut.relay(events.all().stream().map(event -> {
            EventType<T> type = types.stream().filter(t -> t.name().equals(event.metadata().type())).findFirst()
                    .orElseThrow();
            return new WebhookFanOut.Observed(type, event.payload(), event.metadata(), type.keyOf(event.payload()));
        }).toList());
    }

    @Configuration(proxyBeanMethods = false)
    static class Relayed {

        @Bean
        ConsumedEventWebhooks<CatalogInfoChangedEvent> catalogWebhooks(WebhookFanOut fanOut) {
            return new ConsumedEventWebhooks<>(OpenEdxEvents.withPayload(CatalogInfoChangedEvent.class), fanOut);
        }

        @Bean
        ConsumedEventWebhooks<ExamAttemptEvent> examAttemptWebhooks(WebhookFanOut fanOut) {
            return new ConsumedEventWebhooks<>(OpenEdxEvents.withPayload(ExamAttemptEvent.class), fanOut);
        }

        @Bean
        ConsumedEventWebhooks<ProgramCertificateEvent> programCertificateWebhooks(WebhookFanOut fanOut) {
            return new ConsumedEventWebhooks<>(OpenEdxEvents.withPayload(ProgramCertificateEvent.class), fanOut);
        }
    }
}
