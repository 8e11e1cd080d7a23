package dev.newswire.enrich.pipeline.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTableTest {

    @Test
    void everyKeyFindsItsRowAndOtherStringsFindNone() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            keys.add("#<w" + i + ">#|C");
        }
        // "Aa" and "BB" share String.hashCode: the second hash tells them apart
        keys.add("Aa");
        FingerprintTable table = FingerprintTable.of(keys);
        assertThat(table).isNotNull();
        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.row(keys.get(i))).isEqualTo(i);
        }
        assertThat(table.row("BB")).isEqualTo(-1);
        for (int i = 50_000; i < 100_000; i++) {
            assertThat(table.row("#<w" + i + ">#|C")).isEqualTo(-1);
        }
        assertThat(table.size()).isEqualTo(keys.size());
    }

    @Test
    void aTableWhereTwoKeysShareAFingerprintIsRefused() {
        assertThat(FingerprintTable.of(List.of("a", "b", "a"))).isNull();
    }
}
