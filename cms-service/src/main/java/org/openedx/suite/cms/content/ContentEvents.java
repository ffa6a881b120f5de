package org.openedx.suite.cms.content;

import java.time.Instant;

import org.openedx.suite.contracts.ContentAuthoringEvents.DuplicatedXBlockData;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockCreated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockData;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDeleted;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockDuplicated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockPublished;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockUpdated;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.eventbus.ProducedEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The content-authoring events of a block change, raised in the change's transaction: every one in-process (the
 * CMS's reactions record them there, ADR 10), and published, deleted and duplicated also on the bus, through the
 * outbox, at the block's own time.
 */
@Component
class ContentEvents {

    private final ApplicationEventPublisher reactions;
    private final EventPublisher bus;

    ContentEvents(ApplicationEventPublisher reactions, EventPublisher bus) {
        this.reactions = reactions;
        this.bus = bus;
    }

    @Bean
    static ProducedEvents contentProducedEvents() {
        return ProducedEvents.of(OpenEdxEvents.XBLOCK_PUBLISHED, OpenEdxEvents.XBLOCK_DELETED,
                OpenEdxEvents.XBLOCK_DUPLICATED);
    }

    void created(Block block) {
        reactions.publishEvent(new XBlockCreated(data(block)));
    }

    void updated(Block block) {
        reactions.publishEvent(new XBlockUpdated(data(block)));
    }

    void deleted(String usageKey, BlockType type, Instant at) {
        XBlockDeleted event = new XBlockDeleted(new XBlockData(usageKey, type.value()));
        reactions.publishEvent(event);
        bus.publish(OpenEdxEvents.XBLOCK_DELETED, event, at);
    }

    void duplicated(Block copy, Block source) {
        XBlockDuplicated event = new XBlockDuplicated(new DuplicatedXBlockData(copy.usageKey(),
                copy.blockType().value(), source.usageKey()));
        reactions.publishEvent(event);
        bus.publish(OpenEdxEvents.XBLOCK_DUPLICATED, event, copy.editedAt());
    }

    void published(Block block, Instant at) {
        XBlockPublished event = new XBlockPublished(data(block));
        reactions.publishEvent(event);
        bus.publish(OpenEdxEvents.XBLOCK_PUBLISHED, event, at);
    }

    private static XBlockData data(Block block) {
        return new XBlockData(block.usageKey(), block.blockType().value());
    }
}
