package dev.newswire.enrich.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.CloudEvents;
import dev.newswire.model.DeadLetterHeaders;
import dev.newswire.model.NewsJson;
import dev.newswire.model.StoryRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * The story step, one pending record at a time: the article goes on to the enriched topic with the
 * same key, timestamp and headers, plus {@code storyId}/{@code duplicateOf}; every story it changed
 * goes to the stories topic. No record stops the topology: when assignment throws, the article goes
 * on without a story (logged and counted); a record that is not an enriched article at all (no JSON
 * object with an id; enrich never writes one) goes to the dead-letter topic; a tombstone is skipped.
 */
final class StoryProcessor implements Processor<String, byte[], String, byte[]> {

    static final String STAGE = "stories";
    static final String SOURCE = "/newswire/enrich-service";

    private static final Logger LOG = Logger.getLogger(StoryProcessor.class);
    private static final ObjectMapper JSON = NewsJson.mapper();
    private static final int MAX_ERROR_MESSAGE = 1000;

    private final StoryAssigner.Rules rules;
    private final boolean enabled;
    private final StoryCounters counters;
    private ProcessorContext<String, byte[]> context;
    private StoryAssigner assigner;

    StoryProcessor(StoryAssigner.Rules rules, boolean enabled, StoryCounters counters) {
        this.rules = rules;
        this.enabled = enabled;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        KeyValueStore<String, byte[]> stories = context.getStateStore(StoryStores.STORIES);
        KeyValueStore<String, byte[]> articles = context.getStateStore(StoryStores.ARTICLES);
        this.assigner = new StoryAssigner(new StoreTable<>(stories, StoryState.class),
                new StoreTable<>(articles, ArticleState.class), rules);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            LOG.warnf("skipped %s: tombstone, not an article", where());
            counters.tombstones().increment();
            return;
        }
        PendingArticle article;
        try {
            article = PendingArticle.read(record.value());
        } catch (Exception e) {
            deadLetter(record, e);
            return;
        }
        byte[] value = record.value();
        byte[] embedding = PendingEmbedding.read(record.headers());
        List<StoryState> changed = List.of();
        if (!enabled) {
            counters.passedThrough().increment();
        } else {
            try {
                ArticleFeatures features = ArticleFeatures.of(article.article(), embedding);
                if (features.english()) {
                    StoryAssigner.Assignment assignment = assigner.assign(features);
                    value = article.withStory(assignment.storyId(), assignment.duplicateOf());
                    changed = assignment.changed();
                    counters.assigned().increment();
                    if (assignment.duplicateOf() != null) {
                        counters.duplicates().increment();
                    }
                } else {
                    counters.notEnglish().increment();
                }
            } catch (Exception | StackOverflowError e) {
                LOG.errorf(e, "story assignment failed for %s (key %s): passed on without a story", where(), record.key());
                counters.failed().increment();
                value = record.value();
                changed = List.of();
            }
        }
        context.forward(record.withValue(value).withHeaders(withoutEmbedding(record.headers())), StoryTopology.ENRICHED_SINK);
        for (StoryState story : changed) {
            publish(story.toRecord(), record.timestamp());
        }
    }

    private void publish(StoryRecord story, long timestamp) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(story);
        } catch (Exception e) {
            LOG.errorf(e, "cannot serialise story %s", story.id());
            return;
        }
        // Deterministic event id: the same story version (replay) is the same event.
        String id = UUID.nameUUIDFromBytes((story.id() + "|" + story.size() + "|" + story.mergedInto() + "|" + story.lastSeen())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Headers headers = new RecordHeaders();
        CloudEvents.headers(id, CloudEvents.TYPE_STORY, SOURCE, story.lastSeen()).forEach(headers::add);
        context.forward(new Record<>(story.id(), json, timestamp, headers), StoryTopology.STORIES_SINK);
    }

    private void deadLetter(Record<String, byte[]> record, Exception error) {
        LOG.warnf("dead-lettered %s (key %s): %s", where(), record.key(), error.toString());
        counters.deadLettered().increment();
        Headers headers = new RecordHeaders(withoutEmbedding(record.headers()).toArray());
        RecordMetadata source = context.recordMetadata().orElse(null);
        add(headers, DeadLetterHeaders.ERROR_CLASS, error.getClass().getName());
        String message = String.valueOf(error.getMessage());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, message.length() > MAX_ERROR_MESSAGE ? message.substring(0, MAX_ERROR_MESSAGE) : message);
        add(headers, DeadLetterHeaders.ERROR_STAGE, STAGE);
        if (source != null) {
            add(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
            add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
            add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        }
        context.forward(record.withHeaders(headers), StoryTopology.DEAD_LETTER_SINK);
    }

    /** The pending record's headers minus the embedding: it is internal, not part of the public event. */
    private static Headers withoutEmbedding(Headers pending) {
        if (pending.lastHeader(PendingEmbedding.HEADER) == null) {
            return pending;
        }
        Headers headers = new RecordHeaders(pending.toArray());
        headers.remove(PendingEmbedding.HEADER);
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private String where() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("pending record");
    }
}
