package dev.newswire.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Story records the view cannot hold are rejected with a reason, never thrown. */
class StoryDecoderTest {

    private static final long NOW = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();

    private static StoryDecoder.Decoded decode(String key, String value) {
        return StoryDecoder.decode(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), NOW, 1024);
    }

    private static String reason(StoryDecoder.Decoded decoded) {
        return decoded instanceof StoryDecoder.Rejected r ? r.reason() : "taken";
    }

    @Test
    void tombstonesAndKeys() {
        assertThat(decode("st-1", null)).isEqualTo(new StoryDecoder.Tombstone("st-1"));
        assertThat(reason(decode(null, null))).isEqualTo(RecordDecoder.TOMBSTONE_WITHOUT_KEY);
        assertThat(reason(decode("", null))).isEqualTo(RecordDecoder.TOMBSTONE_WITHOUT_KEY);
        assertThat(reason(StoryDecoder.decode(new byte[] {(byte) 0xC3, 0x28}, null, NOW, 1024))).isEqualTo(RecordDecoder.INVALID_UTF8);
        String good = "{\"id\":\"st-1\",\"lastSeen\":\"2026-12-01T11:00:00Z\"}";
        assertThat(reason(decode(null, good))).as("a record without a key is read by its id").isEqualTo("taken");
        assertThat(reason(decode("st-2", good))).isEqualTo(RecordDecoder.INVALID_FIELD);
    }

    @Test
    void sizeAndTypes() {
        assertThat(reason(decode("st-1", "{\"id\":\"st-1\",\"lastSeen\":\"2026-12-01T11:00:00Z\",\"title\":\"" + "x".repeat(2000) + "\"}")))
                .isEqualTo(StoryDecoder.TOO_LARGE);
        assertThat(reason(decode("st-1", ""))).isEqualTo(RecordDecoder.EMPTY);
        assertThat(reason(decode("st-1", "{\"id\":\"st-1\",\"lastSeen\":\"2026-12-01T11:00:00Z\",\"size\":2.5}"))).isEqualTo(RecordDecoder.INVALID_FIELD);
        assertThat(reason(decode("st-1", "{\"id\":\"st-1\",\"lastSeen\":\"2026-12-01T11:00:00Z\",\"size\":99999999999}"))).isEqualTo(RecordDecoder.INVALID_FIELD);
        assertThat(reason(decode("st-1", "{\"id\":\"st-1\",\"lastSeen\":\"yesterday\"}"))).isEqualTo(RecordDecoder.INVALID_FIELD);
        assertThat(reason(decode("st-1", "{\"id\":\"st-1\",\"lastSeen\":\"2026-12-01T11:00:00Z\",\"tags\":[{\"id\":\"x\"}]}"))).isEqualTo(RecordDecoder.INVALID_FIELD);
        assertThat(reason(decode("st-1", "[" .repeat(600)))).isEqualTo(RecordDecoder.NOT_AN_ARTICLE);
    }

    @Test
    void aFarFutureLastSeenSortsNoLaterThanADayAfterTheRecord() {
        StoredStory story = ((StoryDecoder.Story) decode("st-1", "{\"id\":\"st-1\",\"lastSeen\":\"+999999999-12-31T23:59:59Z\"}")).story();
        assertThat(story.activity()).isEqualTo(Instant.ofEpochMilli(NOW).plusSeconds(86_400));
    }

    @Test
    void theListingKeepsUnknownFieldsAndTheLatestFiveIds() {
        StoredStory story = ((StoryDecoder.Story) decode("st-1", "{\"id\":\"st-1\",\"lastSeen\":\"2026-12-01T11:00:00Z\","
                + "\"articleIds\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"],\"future\":{\"x\":1}}")).story();
        assertThat(story.size()).as("no size: the number of ids").isEqualTo(7);
        assertThat(story.articleIds()).hasSize(7);
        assertThat(new String(story.listingJson(), StandardCharsets.UTF_8))
                .contains("\"articleIds\":[\"c\",\"d\",\"e\",\"f\",\"g\"]").contains("\"future\":{\"x\":1}");
    }
}
