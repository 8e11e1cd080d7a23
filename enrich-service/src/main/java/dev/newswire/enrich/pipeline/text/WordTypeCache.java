package dev.newswire.enrich.pipeline.text;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe map from word type to a value computed from the word alone, bounded by a number of
 * entries: when a put would go past the bound, the map is emptied first (a news stream's common words
 * come back within a few articles, so a periodic refill costs little, and nothing needs an LRU's
 * per-read bookkeeping). It stands in for the plain {@code HashMap} CoreNLP's
 * {@code NERFeatureFactory} keeps its n-gram cache in, which is neither thread-safe nor bounded
 * (the factory only calls {@link #get} and {@link #put}), and holds the tokenizer's splits of each
 * whitespace token.
 */
public final class WordTypeCache<V> extends AbstractMap<String, V> {

    private final ConcurrentHashMap<String, V> map = new ConcurrentHashMap<>();
    private final int maxEntries;

    public WordTypeCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V put(String key, V value) {
        if (map.size() >= maxEntries) {
            map.clear();
        }
        return map.put(key, value);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return map.entrySet();
    }
}
