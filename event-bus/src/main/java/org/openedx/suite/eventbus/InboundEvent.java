package org.openedx.suite.eventbus;

import org.openedx.suite.contracts.EventMetadata;

/** A consumed event as a handler sees it: the payload and its {@code ce_*} envelope. */
public record InboundEvent<T>(T payload, EventMetadata metadata) {
}
