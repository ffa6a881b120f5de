package org.openedx.suite.insights.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openedx.suite.insights.statement.Statements;
import org.openedx.suite.insights.statement.Statements.Committed;
import org.openedx.suite.insights.statement.Statements.CourseStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed: one poller reads, every 500 ms, the statements that transactions finished since its last read
 * ({@link Statements#committedSince}) of the courses someone is watching, and sends each to that course's streams as a
 * {@code statement} event. It reads the shared database, so with several instances of insights each one's streams get
 * every statement, whichever instance stored it. A comment every 15 s keeps idle streams open; a stream is dropped
 * when it completes, times out (after 30 minutes; the page reconnects) or fails.
 */
@Component
class LiveFeed {

    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Statements statements;
    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private volatile String boundary;

    LiveFeed(Statements statements) {
        this.statements = statements;
    }

    /** A new stream of the course's statements, starting with its newest {@code last}. */
    SseEmitter open(String courseKey, int last) {
        SseEmitter stream = new SseEmitter(STREAM_LIFETIME.toMillis());
        Set<SseEmitter> ofCourse = streams.computeIfAbsent(courseKey, key -> ConcurrentHashMap.newKeySet());
        ofCourse.add(stream);
        Runnable drop = () -> drop(courseKey, stream);
        stream.onCompletion(drop);
        stream.onTimeout(drop);
        stream.onError(error -> drop.run());
        // registered first, so nothing stored meanwhile is missed; the page ignores a statement it already shows
        if (last > 0) {
            statements.latest(courseKey, last).forEach(json -> send(courseKey, stream, FeedItem.of(courseKey, json)));
        } else {
            send(courseKey, stream, null);
        }
        return stream;
    }

    @Scheduled(fixedDelay = 500)
    void poll() {
        Committed committed = statements.committedSince(boundary, streams.keySet());
        boundary = committed.boundary();
        for (CourseStatement statement : committed.statements()) {
            Set<SseEmitter> watching = streams.get(statement.courseKey());
            if (watching != null) {
                FeedItem item = FeedItem.of(statement.courseKey(), statement.json());
                List.copyOf(watching).forEach(stream -> send(statement.courseKey(), stream, item));
            }
        }
    }

    @Scheduled(fixedRate = 15_000, initialDelay = 15_000)
    void heartbeat() {
        streams.forEach((courseKey, watching) -> List.copyOf(watching).forEach(stream -> {
            try {
                stream.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                drop(courseKey, stream);
            }
        }));
    }

    /** Sends a statement, or (null) a comment that opens the stream at once. */
    private void send(String courseKey, SseEmitter stream, FeedItem item) {
        try {
            if (item == null) {
                stream.send(SseEmitter.event().comment("watching " + courseKey));
            } else {
                stream.send(SseEmitter.event().name("statement").id(item.id())
                        .data(item, MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("A feed stream of {} is gone: {}", courseKey, e.getMessage());
            drop(courseKey, stream);
        }
    }

    private void drop(String courseKey, SseEmitter stream) {
        streams.computeIfPresent(courseKey, (key, watching) -> {
            watching.remove(stream);
            return watching.isEmpty() ? null : watching;
        });
    }
}
