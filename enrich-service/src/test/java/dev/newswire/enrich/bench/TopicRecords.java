package dev.newswire.enrich.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Records and bytes the broker took per topic (log end offsets and log sizes of every partition), so
 * that the bench can say what the broker writes per article: raw, pending, enriched, stories, the story
 * step's two changelogs, the consumer offsets. Two snapshots, the difference divided by the articles.
 */
final class TopicRecords {

    /** Topic → {records (sum of end offsets), bytes on disk}. */
    record Snapshot(Map<String, long[]> topics) {
    }

    private TopicRecords() {
    }

    static Snapshot take(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, long[]> topics = new TreeMap<>();
        try (Admin admin = Admin.create(p)) {
            List<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get(10, TimeUnit.SECONDS).stream().sorted().toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(part -> latest.put(new TopicPartition(name, part.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            ends.forEach((tp, info) -> topics.computeIfAbsent(tp.topic(), t -> new long[2])[0] += info.offset());
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(List.of(1)).allDescriptions().get(10, TimeUnit.SECONDS).values()) {
                dirs.values().forEach(dir -> dir.replicaInfos().forEach((tp, info) ->
                        topics.computeIfAbsent(tp.topic(), t -> new long[2])[1] += info.size()));
            }
        } catch (Exception e) {
            System.out.println("topic records: " + e);
        }
        return new Snapshot(topics);
    }

    /** One line per topic that grew: records and kB per article, and the total. */
    static String report(Snapshot before, Snapshot after, int articles) {
        StringBuilder out = new StringBuilder();
        double records = 0;
        double bytes = 0;
        for (Map.Entry<String, long[]> t : after.topics().entrySet()) {
            long[] then = before.topics().getOrDefault(t.getKey(), new long[2]);
            long n = t.getValue()[0] - then[0];
            long b = t.getValue()[1] - then[1];
            if (n > 0 || b > 0) {
                records += n;
                bytes += b;
                out.append(String.format("    %-48s %6.2f records/article %7.2f kB/article%n", t.getKey(),
                        (double) n / articles, b / 1024.0 / articles));
            }
        }
        out.append(String.format("    %-48s %6.2f records/article %7.2f kB/article%n", "TOTAL", records / articles, bytes / 1024.0 / articles));
        return out.toString();
    }
}
