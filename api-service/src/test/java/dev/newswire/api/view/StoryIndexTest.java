package dev.newswire.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The story view's bounds, listing order and merge links, without a broker. */
class StoryIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final StoryFilter ALL = StoryFilter.of(ArticleFilter.ALL, null);

    private static StoredStory story(String id, int minutes, String mergedInto) {
        String json = "{\"id\":\"" + id + "\",\"title\":\"Story " + id + "\",\"lastSeen\":\"" + T0.plusSeconds(60L * minutes) + "\""
                + (mergedInto == null ? "" : ",\"mergedInto\":\"" + mergedInto + "\"") + "}";
        StoryDecoder.Decoded decoded = StoryDecoder.decode(id.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
                T0.plusSeconds(60L * minutes).toEpochMilli(), 1 << 20);
        return ((StoryDecoder.Story) decoded).story();
    }

    private static List<String> ids(StoryIndex index) {
        return index.page(ALL, null, 200).items().stream().map(StoredStory::id).toList();
    }

    @Test
    void theLeastRecentlyActiveStoryLeavesWhenFull() {
        StoryIndex index = new StoryIndex(3);
        index.put(story("a", 1, null));
        index.put(story("b", 2, null));
        index.put(story("c", 3, null));
        index.put(story("a", 10, null));   // a grew: now the most active
        index.put(story("d", 4, null));
        assertThat(ids(index)).containsExactly("a", "d", "c");
        assertThat(index.byId("b")).isNull();
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.evictions()).isEqualTo(1);
    }

    @Test
    void mergedStoriesAreNotListedButLeadToTheirSurvivor() {
        StoryIndex index = new StoryIndex(10);
        index.put(story("a", 1, null));
        index.put(story("b", 2, null));
        index.put(story("c", 3, null));
        index.put(story("b", 4, "a"));
        index.put(story("c", 5, "b"));
        assertThat(ids(index)).containsExactly("a");
        StoryIndex.Resolved viaC = index.resolve("c");
        assertThat(viaC.story().id()).isEqualTo("a");
        assertThat(viaC.path()).containsExactly("c", "b", "a");
        assertThat(index.resolve("a").redirected()).isFalse();
        assertThat(index.equivalentIds("a")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(index.equivalentIds("c")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(index.equivalentIds("unknown")).containsExactly("unknown");
        index.remove("b");   // a tombstone cuts the chain
        assertThat(index.resolve("c").story().id()).isEqualTo("c");
        assertThat(index.equivalentIds("a")).containsExactly("a");
    }

    @Test
    void aCycleEndsInsteadOfLooping() {
        StoryIndex index = new StoryIndex(10);
        index.put(story("x", 1, "y"));
        index.put(story("y", 2, "x"));
        assertThat(index.resolve("x").story().id()).isEqualTo("y");
        assertThat(index.equivalentIds("x")).containsExactlyInAnyOrder("x", "y");
        assertThat(ids(index)).isEmpty();
    }

    @Test
    void pagesNewestFirstWithCursor() {
        StoryIndex index = new StoryIndex(10);
        for (int i = 0; i < 5; i++) {
            index.put(story("s" + i, i, null));
        }
        StoryIndex.Page first = index.page(ALL, null, 2);
        assertThat(first.items()).extracting(StoredStory::id).containsExactly("s4", "s3");
        StoryIndex.Page second = index.page(ALL, TimeKey.parseCursor(first.nextCursor()), 2);
        assertThat(second.items()).extracting(StoredStory::id).containsExactly("s2", "s1");
        StoryIndex.Page last = index.page(ALL, TimeKey.parseCursor(second.nextCursor()), 2);
        assertThat(last.items()).extracting(StoredStory::id).containsExactly("s0");
        assertThat(last.nextCursor()).isNull();
    }
}
