package dev.newswire.enrich.stories;

import java.util.function.BiConsumer;

/**
 * A key-value table of story state. In the service it is a Kafka Streams state store with a
 * changelog topic ({@link StoreTable}); the assignment logic sees only this, so that it can be
 * unit-tested on a plain map.
 */
interface StateTable<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Every entry, in key order. */
    void forEach(BiConsumer<String, V> action);
}
