package dev.newswire.enrich.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTypeCacheTest {

    @Test
    void aKeyLongerThanAnyWordIsNotKept() {
        WordTypeCache<String> cache = new WordTypeCache<>(100);
        String hostile = "x".repeat(10_000);
        cache.put(hostile, "value");
        assertThat(cache.get(hostile)).isNull();
        assertThat(cache).isEmpty();
        String longest = "y".repeat(WordTypeCache.MAX_KEY_CHARS);
        cache.put(longest, "kept");
        assertThat(cache.get(longest)).isEqualTo("kept");
    }

    @Test
    void theKeysCharactersAreBoundedAsWellAsTheirNumber() {
        WordTypeCache<Integer> cache = new WordTypeCache<>(100);
        long bound = 100L * WordTypeCache.CHARS_PER_ENTRY;
        for (int i = 0; i < 1_000; i++) {
            cache.put(String.format("%032d", i), i); // 32-character keys: the character bound binds first
            long chars = cache.keySet().stream().mapToLong(String::length).sum();
            assertThat(chars).isLessThanOrEqualTo(bound);
            assertThat(cache.size()).isLessThanOrEqualTo(100);
        }
        assertThat(cache.get(String.format("%032d", 999))).isEqualTo(999);
    }
}
