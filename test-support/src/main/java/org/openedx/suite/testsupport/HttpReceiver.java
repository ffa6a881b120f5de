package org.openedx.suite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that records every request and answers as the test scripts it: a
 * stand-in for a webhook receiver or any other system the suite calls. It can go down (connection refused) and come
 * back on the same port.
 */
public final class HttpReceiver implements AutoCloseable {

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> standing = new ConcurrentHashMap<>();
    private volatile int port;
    private volatile HttpServer server;

    private HttpReceiver() {
    }

    /** Starts a receiver on {@code 127.0.0.1} and a free port. */
    public static HttpReceiver start() {
        HttpReceiver receiver = new HttpReceiver();
        receiver.listen(0);
        return receiver;
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The next requests to {@code path} get these answers, in order; then the standing answer (204 by default). */
    public void answerNext(String path, Answer... answers) {
        Deque<Answer> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(answers));
        }
    }

    /** Every request to {@code path} without a scripted answer gets this one. */
    public void answerAlways(String path, Answer answer) {
        standing.put(path, answer);
    }

    /** Stops listening: calls are refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void up() {
        if (server == null) {
            listen(port);
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        down();
    }

    private synchronized void listen(int wantedPort) {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpServer created = HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 50);
                created.createContext("/", this::handle);
                created.setExecutor(Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "http-receiver");
                    thread.setDaemon(true);
                    return thread;
                }));
                created.start();
                server = created;
                port = created.getAddress().getPort();
                return;
            } catch (IOException e) {
                last = e; // the old socket of this port may still be closing
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException("could not listen on port " + wantedPort, last);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer = nextAnswer(path);
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(headers), body, Instant.now(),
                answer.status()));
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), reply.length == 0 ? -1 : reply.length);
        if (reply.length > 0) {
            exchange.getResponseBody().write(reply);
        }
        exchange.close();
    }

    private Answer nextAnswer(String path) {
        Deque<Answer> queue = scripted.get(path);
        if (queue != null) {
            synchronized (queue) {
                if (!queue.isEmpty()) {
                    return queue.poll();
                }
            }
        }
        return standing.getOrDefault(path, Answer.status(204));
    }

    /** A request as it arrived; header names in lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body, Instant at,
                           int answeredStatus) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer: a status, a JSON body, extra headers, after a delay. */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {

        public static Answer status(int status) {
            return new Answer(status, "", Map.of(), Duration.ZERO);
        }

        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of(), Duration.ZERO);
        }

        public Answer after(Duration delay) {
            return new Answer(status, body, headers, delay);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, Map.copyOf(more), delay);
        }

        /** {@code n} copies of this answer. */
        public Answer[] times(int n) {
            List<Answer> copies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                copies.add(this);
            }
            return copies.toArray(Answer[]::new);
        }
    }
}
