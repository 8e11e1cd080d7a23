package dev.newswire.api.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.NewsJson;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real SSE client on the JDK HttpClient: parses the event stream on a thread into a list. */
public final class SseClient implements AutoCloseable {

    static {
        // The shared 2-core machine and CI can be slow; a generous ceiling keeps waits honest, not flaky.
        org.awaitility.Awaitility.setDefaultTimeout(java.time.Duration.ofSeconds(60));
    }

    public record Event(String event, String id, String data) {
        public JsonNode json() {
            try {
                return NewsJson.mapper().readTree(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public String articleId() {
            return json().get("id").asText();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<String> comments = new CopyOnWriteArrayList<>();
    public volatile int status;
    public volatile String contentType;
    public volatile boolean ended;
    private final Thread thread;
    private volatile InputStream body;

    private SseClient(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        thread = new Thread(() -> read(request.build()), "sse-client");
        thread.setDaemon(true);
        thread.start();
    }

    public static SseClient open(String url) {
        return open(url, Map.of());
    }

    public static SseClient open(String url, Map<String, String> headers) {
        SseClient client = new SseClient(URI.create(url), headers);
        await().atMost(Duration.ofSeconds(15)).until(() -> client.status != 0);
        return client;
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            contentType = response.headers().firstValue("content-type").orElse("");
            body = response.body();
            status = response.statusCode();
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String event = null, id = null;
            StringBuilder data = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data != null || event != null) {
                        events.add(new Event(event == null ? "message" : event, id, data == null ? "" : data.toString()));
                    }
                    event = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> event = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (Exception e) {
            if (status == 0) {
                status = -1;
            }
        } finally {
            ended = true;
        }
    }

    public List<Event> articles() {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.event().equals("article")) {
                out.add(e);
            }
        }
        return out;
    }

    public List<String> articleIds() {
        return articles().stream().map(Event::articleId).toList();
    }

    /** Waits until at least {@code n} article events arrived; returns them. */
    public List<Event> awaitArticles(int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> articles().size() >= n);
        return articles();
    }

    /** Waits until an article with this id arrived; returns the article ids received up to and including it. */
    public List<String> awaitArticle(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> articleIds().contains(id));
        List<String> ids = articleIds();
        return ids.subList(0, ids.indexOf(id) + 1);
    }

    public String lastId() {
        List<Event> a = articles();
        return a.get(a.size() - 1).id();
    }

    @Override
    public void close() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (Exception e) {
            // closing a stream the server may have closed already
        }
        thread.interrupt();
    }
}
