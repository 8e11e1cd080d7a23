package dev.newswire.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An SSE client that behaves like a careful EventSource: it keeps the last event id, reconnects
 * with {@code Last-Event-ID} whenever the stream ends or fails (on whichever api instance the
 * supplier names now), and records what it got. The partition and offset of each article come from
 * the resume tokens: each token is the position after the event, so the one partition whose next
 * offset moved names the record (see {@link ResumeToken}).
 */
final class ResumingSseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One article event as the client saw it. */
    record Delivery(int partition, long offset, String id, Instant receivedAt, int connection) {
    }

    /** A {@code gap} event's range: offsets from..to of a partition the server says are gone. */
    record Gap(int partition, long from, long to) {
    }

    private final String name;
    private final Supplier<String> apiUrl;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();
    private final List<String> anomalies = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile InputStream current;
    private volatile String lastEventId;
    private long[] position = new long[0];

    ResumingSseClient(String name, Supplier<String> apiUrl) {
        this.name = name;
        this.apiUrl = apiUrl;
        this.thread = new Thread(this::run, "faults-sse-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    List<Gap> gaps() {
        return gaps;
    }

    List<String> anomalies() {
        return anomalies;
    }

    int connections() {
        return connections.get();
    }

    /** Drops the connection now and stays away for {@code away} before resuming with the last id. */
    void disconnectFor(Duration away) {
        pausedUntil = Instant.now().plus(away);
        dropConnection();
    }

    /** Drops the connection; the client reconnects at once (to whatever the url supplier says). */
    void dropConnection() {
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing is the point; the reader thread sees the stream end.
            }
        }
    }

    private void run() {
        while (running) {
            if (Instant.now().isBefore(pausedUntil)) {
                pause(Duration.between(Instant.now(), pausedUntil));
                continue;
            }
            try {
                readOnce();
            } catch (IOException | RuntimeException e) {
                // Connection refused, reset or closed: resume like EventSource after its retry delay.
            } catch (InterruptedException e) {
                return;
            }
            pause(Duration.ofMillis(500));
        }
    }

    private void readOnce() throws IOException, InterruptedException {
        String url = apiUrl.get() + "/api/stream" + (lastEventId == null ? "?from=earliest" : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            return;
        }
        int connection = connections.incrementAndGet();
        current = response.body();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(current, StandardCharsets.UTF_8))) {
            String event = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        onEvent(event, id, data.toString(), connection);
                    }
                    event = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } finally {
            current = null;
        }
    }

    private void onEvent(String event, String id, String data, int connection) throws IOException {
        if (id == null) {
            return;
        }
        long[] next = ResumeToken.decode(id);
        switch (event) {
            case "article" -> {
                List<Integer> moved = new ArrayList<>();
                for (int p = 0; p < next.length; p++) {
                    if (next[p] != (p < position.length ? position[p] : 0)) {
                        moved.add(p);
                    }
                }
                if (moved.size() != 1) {
                    anomalies.add("article token moved " + moved.size() + " partitions: " + id);
                } else {
                    int p = moved.get(0);
                    JsonNode article = JSON.readTree(data);
                    deliveries.add(new Delivery(p, next[p] - 1, article.path("id").asText(), Instant.now(), connection));
                }
            }
            case "gap" -> JSON.readTree(data).path("partitions").forEach(g -> gaps.add(new Gap(
                    g.path("partition").asInt(), g.path("fromOffset").asLong(), g.path("toOffset").asLong())));
            default -> {
                // resync and anything newer: only the id matters (where to resume).
            }
        }
        position = next;
        lastEventId = id;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(1, Math.min(duration.toMillis(), 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        dropConnection();
    }

    @Override
    public String toString() {
        return name;
    }
}
