package dev.newswire.enrich.stories;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Tuning aid for bench/stories: reads a stopped run's pending-topic segment file
 * (bench-data/stories/run/data/kafka/logs/news.articles.enriched.pending-0/00000000000000000000.log) with
 * the Kafka clients' own record reader and writes article id → the int8 embedding header the story step
 * saw, and the ids in topic order ({@code OUT.order}), for {@code StoryReplay -Dreplay.embeddings=OUT
 * -Dreplay.order=OUT.order}. The replay's own embedding (title + first words of the text) differs from the
 * tags stage's (title + prose lead) enough to move the second pass's figures by 0.01 precision.
 * Args: segment file, output file.
 */
public final class PendingDump {
    public static void main(String[] args) throws Exception {
        HashMap<String, byte[]> byId = new HashMap<>();
        StringBuilder order = new StringBuilder();
        try (FileRecords records = FileRecords.open(new File(args[0]))) {
            for (RecordBatch batch : records.batches()) {
                for (Record r : batch) {
                    byte[] emb = null;
                    for (Header h : r.headers()) {
                        if (h.key().equals("newswire-embedding")) emb = h.value();
                    }
                    byte[] v = new byte[r.valueSize()];
                    r.value().get(v);
                    String json = new String(v, StandardCharsets.UTF_8);
                    int i = json.indexOf("\"id\":");
                    String id = json.substring(json.indexOf('"', i + 5) + 1, json.indexOf('"', json.indexOf('"', i + 5) + 1));
                    if (emb != null) byId.put(id, emb);
                    order.append(id).append('\n');
                }
            }
        }
        System.out.println("embeddings: " + byId.size());
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[1] + ".order"), order);
        try (var out = new java.io.ObjectOutputStream(java.nio.file.Files.newOutputStream(java.nio.file.Path.of(args[1])))) {
            out.writeObject(byId);
        }
    }
}
