package dev.newswire.enrich.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.NewsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A {@link StateTable} on a Kafka Streams key-value store; values are JSON (NewsJson settings). */
final class StoreTable<V> implements StateTable<V> {

    private static final ObjectMapper JSON = NewsJson.mapper();

    private final KeyValueStore<String, byte[]> store;
    private final Class<V> type;

    StoreTable(KeyValueStore<String, byte[]> store, Class<V> type) {
        this.store = store;
        this.type = type;
    }

    @Override
    public V get(String key) {
        return decode(store.get(key));
    }

    @Override
    public void put(String key, V value) {
        try {
            store.put(key, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
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
