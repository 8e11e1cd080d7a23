package dev.newswire.enrich.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.NewsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A {@link StateTable} on a Kafka Streams key-value store; values are JSON (NewsJson settings).
 * Decoded values of recently read keys are kept (values are immutable records): assignment reads up
 * to {@code max-candidates} stories per article, and decoding their JSON each time was 40 % of the
 * story step's CPU (JFR, docs/benchmarks/enrich.md). A put or delete drops the key, so the next read
 * decodes the stored bytes: the table returns exactly what a restarted task reading the store would.
 * One stream thread owns the table (one task, one processor), so no locking.
 */
final class StoreTable<V> implements StateTable<V> {

    private static final ObjectMapper JSON = NewsJson.mapper();
    /** Decoded values kept; bounded so the heap stays small at 100,000 active articles. */
    static final int MAX_DECODED = 4096;

    private final KeyValueStore<String, byte[]> store;
    private final Class<V> type;
    private final Map<String, V> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > MAX_DECODED;
        }
    };

    StoreTable(KeyValueStore<String, byte[]> store, Class<V> type) {
        this.store = store;
        this.type = type;
    }

    @Override
    public V get(String key) {
        V value = decoded.get(key);
        if (value == null) {
            value = decode(store.get(key));
            if (value != null) {
                decoded.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(String key, V value) {
        try {
            decoded.remove(key);
            store.put(key, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        decoded.remove(key);
        store.delete(key);
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                action.accept(entry.key, decode(entry.value));
            }
        }
    }

    private V decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
