package dev.newswire.enrich.pipeline.text;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe map from word type to a value computed from the word alone, bounded by a number of
 * entries and by the characters of its keys: when a put would go past either bound, the map is
 * emptied first (a news stream's common words
 * come back within a few articles, so a periodic refill costs little, and nothing needs an LRU's
 * per-read bookkeeping). It stands in for the plain {@code HashMap} CoreNLP's
 * {@code NERFeatureFactory} keeps its n-gram cache in, which is neither thread-safe nor bounded
 * (the factory only calls {@link #get} and {@link #put}), and holds the tokenizer's splits of each
 * whitespace token.
 *
 * <p>A key longer than {@value #MAX_KEY_CHARS} characters is not kept ({@link #put} does nothing; the
 * caller computes it again next time). Real word types are shorter; a 10,000-character "word" from a
 * broken or hostile text would otherwise pin its value, and values grow with the word (CoreNLP keeps
 * ~5 n-grams per character): 20,000 such words would fill the heap. Every caller reads with
 * {@link #get}, computes on a miss and then puts, so a key that is not kept costs time, never a result.
 */
public final class WordTypeCache<V> extends AbstractMap<String, V> {

    /** Longest key kept. */
    public static final int MAX_KEY_CHARS = 32;
    /** Mean key length the character bound allows (news word types average 8-9 characters). */
    static final int CHARS_PER_ENTRY = 12;

    private final ConcurrentHashMap<String, V> map = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxKeyChars;
    /** Characters of the keys put since the last emptying (approximate under races: it only decides when to empty). */
    private final AtomicLong keyChars = new AtomicLong();

    public WordTypeCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.maxKeyChars = (long) maxEntries * CHARS_PER_ENTRY;
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V put(String key, V value) {
        if (key.length() > MAX_KEY_CHARS) {
            return null;
        }
        if (map.size() >= maxEntries || keyChars.get() + key.length() > maxKeyChars) {
            map.clear();
            keyChars.set(0);
        }
        V previous = map.put(key, value);
        if (previous == null) {
            keyChars.addAndGet(key.length());
        }
        return previous;
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
