package dev.newswire.enrich.stories;

import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A {@link StateTable} on a sorted map, for tests of the assignment logic without a broker. */
final class MapTable<V> implements StateTable<V> {

    final TreeMap<String, V> map = new TreeMap<>();

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        new TreeMap<>(map).forEach(action);
    }
}
