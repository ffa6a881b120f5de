package org.openedx.suite.sandbox.received;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Every request the stand-ins received, in arrival order: the latest {@value #KEPT} of them. */
@Service
class Received implements Resettable {

    /** A sandbox left running for days forgets the oldest records rather than fill its heap. */
    static final int KEPT = 10_000;

    private final TreeMap<Long, ReceivedRequest> bySeq = new TreeMap<>();
    private final Set<List<String>> seenKeys = new HashSet<>();
    private long lastSeq;

    /** Numbers the request as it arrives, and tells whether its idempotency key came before for its kind (and receiver). */
    synchronized Ticket arrive(Arrival arrival) {
        boolean duplicate = arrival.idempotencyKey() != null && !seenKeys.add(
                List.of(arrival.kind().label(), Objects.toString(arrival.receiver(), ""), arrival.idempotencyKey()));
        return new Ticket(++lastSeq, Instant.now(), duplicate);
    }

    /**
     * Keeps the request once it is answered. A request refused (answered other than 2xx) was not taken, so its key
     * does not make the sender's next try of it a duplicate.
     */
    synchronized void record(Ticket ticket, Arrival arrival, JsonNode body, int answeredStatus) {
        if ((answeredStatus < 200 || answeredStatus >= 300) && !ticket.duplicate()
                && arrival.idempotencyKey() != null) {
            seenKeys.remove(List.of(arrival.kind().label(), Objects.toString(arrival.receiver(), ""),
                    arrival.idempotencyKey()));
        }
        bySeq.put(ticket.seq(), new ReceivedRequest(ticket.seq(), arrival.kind(), arrival.receiver(),
                ticket.receivedAt(), arrival.path(), arrival.idempotencyKey(), ticket.duplicate(),
                arrival.signatureValid(), answeredStatus, body));
        while (bySeq.size() > KEPT) {
            bySeq.pollFirstEntry();
        }
    }

    /** The requests of a kind and to a receiver (either null: any), in arrival order. */
    synchronized List<ReceivedRequest> list(Kind kind, String receiver) {
        List<ReceivedRequest> found = new ArrayList<>();
        for (ReceivedRequest request : bySeq.values()) {
            if ((kind == null || request.kind() == kind)
                    && (receiver == null || receiver.equals(request.receiver()))) {
                found.add(request);
            }
        }
        return found;
    }

    @Override
    public synchronized void reset() {
        bySeq.clear();
        seenKeys.clear();
    }

    record Ticket(long seq, Instant receivedAt, boolean duplicate) {
    }
}
