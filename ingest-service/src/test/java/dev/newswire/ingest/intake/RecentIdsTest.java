package dev.newswire.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void firstClaimOwnsTheIdAndARepeatSeesTheEarlierPublish() {
        RecentIds recent = new RecentIds(10);
        CompletableFuture<Void> first = new CompletableFuture<>();
        assertThat(recent.claim("a", first)).isNull();
        assertThat(recent.claim("a", new CompletableFuture<>())).isSameAs(first);
    }

    @Test
    void aReleasedFailureCanBeClaimedAgain() {
        RecentIds recent = new RecentIds(10);
        CompletableFuture<Void> failed = new CompletableFuture<>();
        recent.claim("a", failed);
        recent.release("a", failed);
        assertThat(recent.claim("a", new CompletableFuture<>())).isNull();
    }

    @Test
    void theOldestIdLeavesWhenTheWindowIsFull() {
        RecentIds recent = new RecentIds(3);
        for (String id : new String[]{"a", "b", "c", "d"}) {
            recent.claim(id, new CompletableFuture<>());
            recent.published(id);
        }
        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.claim("a", new CompletableFuture<>())).as("evicted").isNull();
        assertThat(recent.claim("d", new CompletableFuture<>())).as("still remembered").isNotNull().isDone();
    }

    @Test
    void idsLoadedFromTheTopicAreRepeatsAndEvictedBeforeNewerPublishes() {
        RecentIds recent = new RecentIds(3);
        recent.published("new");
        recent.preload(java.util.List.of("old1", "old2", "old3"));
        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.claim("new", new CompletableFuture<>())).as("published since the start: kept").isNotNull();
        assertThat(recent.claim("old3", new CompletableFuture<>())).as("from the topic: a repeat").isNotNull().isDone();
        assertThat(recent.claim("old1", new CompletableFuture<>())).as("oldest of the topic's ids: evicted").isNull();
    }
}
