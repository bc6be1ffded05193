package org.ceasefire.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;

/**
 * {@code /api/events}: live events as Server-Sent Events, one SSE event name per event type.
 * A comment every few seconds keeps proxies from closing idle streams and finds dead clients.
 */
final class EventStream implements AutoCloseable {
    static final String PATH = "/api/events";
    private static final long HEARTBEAT_SECONDS = 15;

    private final LiveEventFeed feed;
    private final ObjectMapper json;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    EventStream(LiveEventFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    void register(Javalin app) {
        app.sse(PATH, client -> {
            client.keepAlive();
            LiveEventFeed.Subscription subscription = feed.subscribe(event -> send(client, event));
            clients.add(client);
            client.onClose(() -> {
                subscription.close();
                clients.remove(client);
            });
            // Flushes the headers at once, so the browser's EventSource reports the stream open.
            client.sendComment("connected");
        });
        heartbeat.scheduleAtFixedRate(() -> clients.forEach(client -> client.sendComment("heartbeat")),
                HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void send(SseClient client, LiveEvent event) {
        if (client.terminated()) {
            throw new IllegalStateException("SSE client has gone");
        }
        client.sendEvent(event.type().eventName(), toJson(event));
    }

    private String toJson(LiveEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().eventName());
        body.put("key", event.key());
        body.put("record", event.record());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Live event could not be written as JSON", e);
        }
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
