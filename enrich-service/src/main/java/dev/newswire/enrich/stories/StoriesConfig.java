package dev.newswire.enrich.stories;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the story step, {@code newswire.enrich.stories.*} (README "Stories"). The story
 * thresholds were chosen on ECB+ topics 1-25 (bench/stories, docs/benchmarks/stories.md) for B-cubed
 * precision ≥ 0.90, since merging two events is worse for a reader than splitting one (the anchor
 * bonus on topics 1-35); the duplicate
 * threshold on constructed near copies of Reuters articles (same page). Both were checked against the
 * seeds (one event, five reports) and unrelated articles (StoryAssignerTest, StoriesServiceTest).
 */
@ConfigMapping(prefix = "newswire.enrich.stories")
public interface StoriesConfig {

    /** Off: the story step still copies every pending record to the enriched topic, unchanged (no storyId). */
    @WithDefault("true")
    boolean enabled();

    /** Stories last seen, and articles published, longer ago than this (event time) leave the stores. */
    @WithDefault("P3D")
    Duration window();

    /** Articles further than this in time from every article of a story are not compared with it. */
    @WithDefault("PT36H")
    Duration maxGap();

    /** Minimum decayed cosine of an article with a story's profile to join it. */
    @WithDefault("0.35")
    double threshold();

    /** An article scoring at least this with two or more stories merges them. */
    @WithDefault("0.60")
    double mergeThreshold();

    /**
     * Share of the tags stage's document embedding in an article's similarity with a story (the
     * rest is the entity/keyphrase cosine): 0 turns the embedding off. See StoryAssigner.Rules.
     */
    @WithDefault("0.3")
    double embeddingWeight();

    /**
     * Embedding cosine that counts as nothing in common: MiniLM puts unrelated news at 0.0-0.3 and
     * other events of one topic (two earthquakes, two product launches) at 0.4-0.6.
     */
    @WithDefault("0.5")
    double embeddingFloor();

    /**
     * Added to an article's similarity with a story when both explicitly name a year in common, other
     * than the article's publication year (a year in the title, a dated dateline: {@link TemporalAnchors});
     * 0 turns it off. See StoryAssigner.Rules; chosen on ECB+ topics 1-35 (docs/benchmarks/stories.md).
     */
    @WithDefault("0.2")
    double anchorBonus();

    /**
     * Share of the similarity taken away when the article and the story both name such years and none in
     * common. Off (0): on ECB+ topics 1-35 it cost recall (reports of one event citing different years in
     * their leads) and bought no precision; kept as a setting for streams with more archive copy.
     */
    @WithDefault("0.0")
    double anchorPenalty();

    /**
     * Second pass (SplitStories): when an article joins a story, another of its candidate stories whose
     * story-to-story score (the article rule applied to the two profiles and centroids, anchors and time
     * decay included) reaches this merges with it, the older id surviving. 0 turns the pass off.
     * Chosen on ECB+ topics 1-35 (docs/benchmarks/stories.md): 0.45 kept precision with the replay's
     * embeddings but not with the ones the service computes (api run on 1-35: P 0.889); 0.50 keeps it.
     */
    @WithDefault("0.50")
    double storyMergeThreshold();

    /**
     * Centroid cosine two stories need before the second pass decodes and scores them (checked on the
     * in-memory index, so most candidates cost one 384-byte dot product).
     */
    @WithDefault("0.55")
    double storyMergeFloor();

    /**
     * The second pass merges two stories only when one of them has at most this many articles (a
     * fragment): two stories that each grew apart were compared all along and stayed apart; merging
     * those is left to an article close to both ({@link #mergeThreshold()}).
     */
    @WithDefault("3")
    int storyMergeMaxSize();

    /** Minimum estimated Jaccard similarity of word 3-shingles for a near copy. */
    @WithDefault("0.5")
    double duplicateThreshold();

    /** At most this many stories (most shared features first) are scored per article. */
    @WithDefault("50")
    int maxCandidates();

    /** Kafka Streams application.id: the consumer group and the prefix of the changelog topics. */
    @WithDefault("newswire-enrich-stories")
    String applicationId();

    /** Kafka Streams state.dir (locks and checkpoints only: the stores are in memory, restored from the changelog). */
    Optional<String> stateDir();

    /**
     * Stable identity of this instance for Kafka static membership (the Streams consumer's
     * group.instance.id, suffixed {@code -stories}), as on the raw channel: a restarted instance gets
     * the story task back at once. Empty: dynamic membership. Unique among running instances.
     */
    Optional<String> instanceId();

    /** Hot standby copies of the stores on other instances (num.standby.replicas): faster failover. */
    @WithDefault("0")
    int standbyReplicas();
}
