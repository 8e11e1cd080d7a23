package dev.newswire.enrich.stories;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * pending → story step → enriched (+ stories, + DLQ). The pending topic has one partition, so the
 * topology has exactly one task: every article is assigned by the same processor, in the order it
 * was written to the pending topic (see ARCHITECTURE.md "Stories" for the guarantee and its limit).
 * No repartition topic is needed, and replaying the pending topic replays that exact order.
 */
final class StoryTopology {

    static final String SOURCE = "pending";
    static final String PROCESSOR = "assign-stories";
    static final String ENRICHED_SINK = "enriched";
    static final String STORIES_SINK = "stories";
    static final String DEAD_LETTER_SINK = "dead-letters";

    /** Topic names; configurable so that a test can replay into topics of its own. */
    record Topics(String pending, String enriched, String stories, String deadLetters) {

        static Topics contract() {
            return new Topics(dev.newswire.model.Topics.ENRICHED_PENDING, dev.newswire.model.Topics.ENRICHED,
                    dev.newswire.model.Topics.STORIES, dev.newswire.model.Topics.DLQ);
        }
    }

    private StoryTopology() {
    }

    static Topology build(Topics topics, StoryAssigner.Rules rules, boolean enabled, StoryCounters counters) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.pending());
        topology.addProcessor(PROCESSOR, () -> new StoryProcessor(rules, enabled, counters), SOURCE);
        topology.addStateStore(StoryStores.builder(StoryStores.STORIES), PROCESSOR);
        topology.addStateStore(StoryStores.builder(StoryStores.ARTICLES), PROCESSOR);
        topology.addSink(ENRICHED_SINK, topics.enriched(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(STORIES_SINK, topics.stories(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetters(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}
