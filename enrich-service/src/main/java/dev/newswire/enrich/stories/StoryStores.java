package dev.newswire.enrich.stories;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The story step's state stores. In memory, each backed by a compacted changelog topic
 * ({@code <application.id>-<store>-changelog}) from which a restarted or moved task restores it:
 * the state lives in Kafka, the heap holds a copy. In memory rather than RocksDB because the state
 * is bounded by the window (ARCHITECTURE.md "Stories": about 0.2 GB for 100,000 active articles),
 * which spares a native library and a persistent volume per pod; the price is a restore from the
 * changelog on every start (or a hot standby, {@code newswire.enrich.stories.standby-replicas}).
 */
final class StoryStores {

    /** Story id → {@link StoryState}. */
    static final String STORIES = "story-states";
    /** Article id → {@link ArticleState}. */
    static final String ARTICLES = "story-articles";

    private StoryStores() {
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> builder(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(java.util.Map.of())
                .withCachingDisabled();
    }
}
