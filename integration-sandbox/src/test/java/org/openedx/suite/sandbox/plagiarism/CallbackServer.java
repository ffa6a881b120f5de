package org.openedx.suite.sandbox.plagiarism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free port that takes plagiarism callbacks, keeps each one, and answers with the statuses
 * queued by {@link #answerNext}, then 204.
 */
final class CallbackServer implements AutoCloseable {

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private CallbackServer(HttpServer server) {
        this.server = server;
    }

    static CallbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CallbackServer callbacks = new CallbackServer(server);
            server.createContext("/callbacks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
                callbacks.calls.add(new Call(headers, body));
                exchange.sendResponseHeaders(callbacks.nextStatus(), -1);
                exchange.close();
            });
            server.start();
            return callbacks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to give as {@code callback_url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
    }

    synchronized void answerNext(int... statuses) {
        for (int status : statuses) {
            this.statuses.add(status);
        }
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        if (!stopped.getAndSet(true)) {
            server.stop(0);
        }
    }

    private synchronized int nextStatus() {
        return statuses.isEmpty() ? 204 : statuses.poll();
    }

    /** One callback as it arrived; header names as the JDK's server gives them (first letter upper case). */
    record Call(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
