package dev.newswire.api.stream;

import dev.newswire.api.view.SseFrames;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.config.ApiConfig;
import dev.newswire.api.messaging.KafkaClients;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns the resume parameters into a {@link StartPoint}. A token the view covers needs no broker
 * round trip (the common reconnect); {@code since}, {@code from=earliest} and old tokens ask Kafka
 * for offsets (offsets-for-times semantics: the first record whose timestamp is at or after the time).
 */
@ApplicationScoped
public class StartResolver {

    /** {@code since} may not be earlier: Kafka reads negative timestamps as special offsets or refuses them. */
    public static final Instant EARLIEST_SINCE = Instant.EPOCH;
    /** How far ahead of now {@code since} may be (clocks differ); a later time is a client mistake. */
    public static final Duration SINCE_AHEAD = Duration.ofDays(1);

    private final ArticleView view;
    private final KafkaClients clients;
    private final ApiConfig config;

    public StartResolver(ArticleView view, KafkaClients clients, ApiConfig config) {
        this.view = view;
        this.clients = clients;
        this.config = config;
    }

    public CompletionStage<StartPoint> live() {
        return CompletableFuture.completedFuture(StartPoint.LIVE);
    }

    public CompletionStage<StartPoint> earliest() {
        return offsets(OffsetSpec.earliest()).thenApply(start -> new StartPoint(start, List.of()));
    }

    public static boolean inSinceWindow(Instant time, Instant now) {
        return !time.isBefore(EARLIEST_SINCE) && !time.isAfter(now.plus(SINCE_AHEAD));
    }

    public CompletionStage<StartPoint> since(Instant time) {
        if (!inSinceWindow(time, Instant.now())) {
            // Never hand Kafka a negative or out-of-range timestamp (-1/-2 would mean latest/earliest).
            return CompletableFuture.failedFuture(new IllegalArgumentException("since outside " + EARLIEST_SINCE + " .. now + " + SINCE_AHEAD));
        }
        CompletionStage<Position> atTime = offsets(OffsetSpec.forTimestamp(time.toEpochMilli()));
        CompletionStage<Position> latest = offsets(OffsetSpec.latest());
        // No record at or after the time in a partition: Kafka says -1, which means "its end".
        return atTime.thenCombine(latest, (at, end) -> {
            long[] next = at.toArray();
            for (int p = 0; p < next.length; p++) {
                if (next[p] < 0) {
                    next[p] = end.next(p);
                }
            }
            return new StartPoint(Position.of(next), List.of());
        });
    }

    /** Exactly the records after a token; a part Kafka no longer holds becomes one gap event. */
    public CompletionStage<StartPoint> after(Position token) {
        if (view.log().covers(token)) {
            return CompletableFuture.completedFuture(new StartPoint(token, List.of()));
        }
        return offsets(OffsetSpec.earliest()).thenApply(logStart -> {
            long[] next = token.toArray();
            long[] resumed = new long[Math.max(next.length, logStart.partitions())];
            List<Map<String, Object>> lost = new ArrayList<>();
            long missed = 0;
            for (int p = 0; p < resumed.length; p++) {
                long wanted = token.next(p);
                long available = logStart.next(p);
                resumed[p] = Math.max(wanted, available);
                if (wanted < available) {
                    missed += available - wanted;
                    lost.add(Map.of("partition", p, "fromOffset", wanted, "toOffset", available - 1));
                }
            }
            if (lost.isEmpty()) {
                return new StartPoint(token, List.of());
            }
            Position from = Position.of(resumed);
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("reason", "the resume point is older than what the topic still holds (retention)");
            description.put("missedAtMost", missed);
            description.put("partitions", lost);
            description.put("resumedFrom", from.token());
            Buffer gap = SseFrames.gap(from, description);
            return new StartPoint(from, List.of(gap));
        });
    }

    private CompletionStage<Position> offsets(OffsetSpec spec) {
        int partitions = view.log().position().partitions();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(config.topic(), p), spec);
        }
        return clients.admin().listOffsets(request).all().toCompletionStage().thenApply(result -> {
            long[] next = new long[partitions];
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : result.entrySet()) {
                next[e.getKey().partition()] = e.getValue().offset();
            }
            return Position.of(next);
        });
    }
}
