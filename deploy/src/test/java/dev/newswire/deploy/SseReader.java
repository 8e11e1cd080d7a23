package dev.newswire.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events stream in the background and keeps its events. A test client only:
 * java.net.http has no SSE support, and the format needed here (event/data/id fields, blank-line
 * separated, ':' comments) is a handful of lines, so no SSE library is pulled in for it.
 */
final class SseReader implements AutoCloseable {

    record Event(String name, String id, String data) {
    }

    private final List<Event> events = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    SseReader(HttpClient http, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = r.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    synchronized (this) {
                        if (raw.length() < 20_000) {
                            raw.append(line).append('\n');
                        }
                    }
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            synchronized (this) {
                                events.add(new Event(name, id, data.toString()));
                            }
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    }
                }
            } catch (RuntimeException closed) {
                // close() cancels the stream; nothing to report.
            }
        });
    }

    /** The data of every event of this name received so far. */
    synchronized List<String> dataOf(String eventName) {
        return events.stream().filter(e -> e.name().equals(eventName)).map(Event::data).toList();
    }

    synchronized String raw() {
        String status = response.isDone() && !response.isCompletedExceptionally()
                ? "HTTP " + response.join().statusCode() + "\n" : response.isCompletedExceptionally() ? "request failed\n" : "";
        return status + raw;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
