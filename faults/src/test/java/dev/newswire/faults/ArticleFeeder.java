package dev.newswire.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A steady stream of unique articles to ingest at a given rate: one slot per article; of every ten
 * slots, five are single POSTs (text/plain) and five go as one NDJSON batch of {@link #BATCH} lines.
 * Requests are asynchronous, so a slow answer (a broker outage) never slows the stream.
 * An article counts as acknowledged only when ingest answered 202 with its id.
 */
final class ArticleFeeder implements AutoCloseable {

    static final int BATCH = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PLACES = {"Lisbon", "Nairobi", "Osaka", "Toronto", "Santiago", "Oslo", "Cairo"};
    private static final String[] ORGS = {"the World Bank", "Siemens", "the United Nations", "Toyota", "Reuters"};

    /** One HTTP request and its answer. */
    record Submission(boolean batch, int lines, Instant sentAt, Instant answeredAt, int status, List<String> acked) {
        Duration took() {
            return Duration.between(sentAt, answeredAt);
        }
    }

    private final Supplier<String> ingestUrl;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faults-feeder");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong tick = new AtomicLong();
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    /** Acknowledged id → when the 202 came back. */
    private final Map<String, Instant> acked = new ConcurrentHashMap<>();
    /** Text of acknowledged single POSTs, to send again as repeats. */
    private final Map<String, String> textOf = new ConcurrentHashMap<>();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private final int ratePerSecond;

    ArticleFeeder(Supplier<String> ingestUrl, int ratePerSecond) {
        this.ingestUrl = ingestUrl;
        this.ratePerSecond = ratePerSecond;
    }

    void start() {
        ticker.scheduleAtFixedRate(this::tick, 0, 1_000_000 / ratePerSecond, TimeUnit.MICROSECONDS);
    }

    Map<String, Instant> acked() {
        return acked;
    }

    List<Submission> submissions() {
        return submissions;
    }

    /** Ids acknowledged between two instants. */
    List<String> ackedBetween(Instant from, Instant to) {
        return acked.entrySet().stream().filter(e -> !e.getValue().isBefore(from) && !e.getValue().isAfter(to))
                .map(Map.Entry::getKey).toList();
    }

    /** Sends the text of already acknowledged articles again (a client's retry); returns the ids answered. */
    List<String> resend(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String text : textOf.values().stream().limit(count).toList()) {
            HttpResponse<String> r = Http.CLIENT.send(plain(text), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202) {
                ids.add(JSON.readTree(r.body()).path("id").asText());
            }
        }
        return ids;
    }

    private void tick() {
        long n = tick.getAndIncrement();
        Instant sent = Instant.now();
        if (n % 10 > 0 && n % 10 < BATCH) {
            return; // these slots went with the batch
        }
        if (n % 10 == 0) {
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < BATCH; i++) {
                String[] article = article();
                ndjson.append(JSON.createObjectNode().put("title", article[0]).put("body", article[1])
                        .put("source", "faults-suite")).append('\n');
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl.get() + "/api/articles"))
                    .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build();
            send(request, sent, true, null);
        } else {
            String[] article = article();
            String text = article[0] + "\n\n" + article[1];
            send(plain(text), sent, false, text);
        }
    }

    private HttpRequest plain(String text) {
        return HttpRequest.newBuilder(URI.create(ingestUrl.get() + "/api/articles?source=faults-suite"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
    }

    private void send(HttpRequest request, Instant sent, boolean batch, String text) {
        int lines = batch ? BATCH : 1;
        Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            Instant answered = Instant.now();
            if (error != null) {
                submissions.add(new Submission(batch, lines, sent, answered, -1, List.of()));
                return;
            }
            List<String> ids = acknowledgedIds(response, batch);
            ids.forEach(id -> acked.putIfAbsent(id, answered));
            if (text != null && ids.size() == 1 && textOf.size() < 50) {
                textOf.put(ids.get(0), text);
            }
            submissions.add(new Submission(batch, lines, sent, answered, response.statusCode(), ids));
        });
    }

    /** 202 ids; for a batch also the "accepted" ids of a partial answer (lines the broker already has). */
    private static List<String> acknowledgedIds(HttpResponse<String> response, boolean batch) {
        try {
            JsonNode body = JSON.readTree(response.body());
            List<String> ids = new ArrayList<>();
            if (batch) {
                body.path("accepted").forEach(id -> ids.add(id.asText()));
            } else if (response.statusCode() == 202) {
                ids.add(body.path("id").asText());
            }
            return response.statusCode() == 202 || batch ? ids : List.of();
        } catch (Exception notJson) {
            return List.of();
        }
    }

    private String[] article() {
        long n = sequence.incrementAndGet();
        String place = PLACES[(int) (n % PLACES.length)];
        String org = ORGS[(int) (n % ORGS.length)];
        String title = "Fault run " + runId + " report " + n + " from " + place;
        String body = "Officials in " + place + " said on Tuesday that " + org + " would review report " + n
                + " of run " + runId + " before the end of the month. Maria Santos, a spokeswoman for " + org
                + ", told reporters in " + place + " that the review would cover transport, energy and water. "
                + "Analysts expect the findings to shape the regional budget debate next year.";
        return new String[] {title, body};
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
