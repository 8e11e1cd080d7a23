package dev.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.Provenance;
import dev.newswire.model.StoryRecord;
import dev.newswire.model.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Story assignment on map-backed tables: the rules, without Kafka. */
class StoryAssignerTest {

    static final StoryAssigner.Rules RULES = new StoryAssigner.Rules(0.35, 0.60, 0.5, Duration.ofHours(36), Duration.ofDays(3), 50);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private final MapTable<StoryState> stories = new MapTable<>();
    private final MapTable<ArticleState> articles = new MapTable<>();

    @Test
    void reportsOfOneEventShareAStoryNamedAfterTheFirstAndOtherEventsOpenTheirOwn() {
        StoryAssigner assigner = new StoryAssigner(stories, articles, RULES);
        String first = assigner.assign(quake("a1", T0, "Earthquake hits Kandar province")).storyId();
        String second = assigner.assign(quake("a2", T0.plusSeconds(3600), "Rescuers search rubble after Kandar quake")).storyId();
        String other = assigner.assign(election("b1", T0.plusSeconds(7200))).storyId();
        assertThat(first).isEqualTo(StoryRecord.idFor("a1")).isEqualTo(second);
        assertThat(other).isEqualTo(StoryRecord.idFor("b1"));
        StoryRecord story = stories.get(first).toRecord();
        assertThat(story.size()).isEqualTo(2);
        assertThat(story.title()).isEqualTo("Rescuers search rubble after Kandar quake");
        assertThat(story.articleIds()).containsExactly("a1", "a2");
        assertThat(story.entities().get(0).text()).isEqualTo("Kandar");
        assertThat(story.tags()).containsExactly("disaster");
    }

    @Test
    void theSamePlaceDaysApartIsAnotherStory() {
        StoryAssigner assigner = new StoryAssigner(stories, articles, RULES);
        String monday = assigner.assign(quake("a1", T0, "Earthquake hits Kandar province")).storyId();
        String nextWeek = assigner.assign(quake("a2", T0.plus(Duration.ofDays(4)), "Earthquake hits Kandar province")).storyId();
        assertThat(nextWeek).isNotEqualTo(monday);
    }

    @Test
    void anArticleSeenAgainGetsTheSameAnswerAndIsNotCountedTwice() {
        StoryAssigner assigner = new StoryAssigner(stories, articles, RULES);
        StoryAssigner.Assignment once = assigner.assign(quake("a1", T0, "Earthquake hits Kandar province"));
        assigner.assign(quake("a2", T0, "Kandar quake toll rises"));
        StoryAssigner.Assignment again = assigner.assign(quake("a1", T0, "Earthquake hits Kandar province"));
        assertThat(again.storyId()).isEqualTo(once.storyId());
        assertThat(again.changed()).isEmpty();
        assertThat(stories.get(once.storyId()).size()).isEqualTo(2);
        // A new assigner on the same tables (a restart: stores restored from the changelog) agrees.
        assertThat(new StoryAssigner(stories, articles, RULES).assign(quake("a2", T0, "x")).storyId()).isEqualTo(once.storyId());
    }

    @Test
    void aNearCopyPointsToTheFirstSeenOriginalAndJoinsItsStory() {
        StoryAssigner assigner = new StoryAssigner(stories, articles, RULES);
        String story = assigner.assign(withText(quakeArticle("a1", T0, "Earthquake hits Kandar province"), quakeText())).storyId();
        StoryAssigner.Assignment copy = assigner.assign(withText(electionArticle("c1", T0.plusSeconds(60)), quakeText()));
        StoryAssigner.Assignment copyOfCopy = assigner.assign(withText(electionArticle("c2", T0.plusSeconds(120)), quakeText() + " More later."));
        assertThat(copy.duplicateOf()).isEqualTo("a1");
        assertThat(copy.storyId()).isEqualTo(story);
        assertThat(copyOfCopy.duplicateOf()).as("the first-seen original, not the copy").isEqualTo("a1");
    }

    @Test
    void anArticleCloseToTwoStoriesMergesThemIntoTheOlder() {
        StoryAssigner assigner = new StoryAssigner(stories, articles, RULES);
        // Two halves of one event, each alone too far from the other to join it.
        String rescue = assigner.assign(features("r1", T0, "Rescue teams reach Kandar", List.of("Kandar", "Red Crescent"),
                List.of("rescue teams", "collapsed buildings"), List.of("disaster"))).storyId();
        String aid = assigner.assign(features("r2", T0.plusSeconds(600), "Aid pledged for quake survivors", List.of("European Union", "Red Cross"),
                List.of("emergency aid", "quake survivors"), List.of("disaster"))).storyId();
        assertThat(aid).isNotEqualTo(rescue);
        StoryAssigner.Assignment bridge = assigner.assign(features("r3", T0.plusSeconds(1200), "Rescue teams and emergency aid reach Kandar quake survivors",
                List.of("Kandar", "Red Crescent", "European Union", "Red Cross"),
                List.of("rescue teams", "collapsed buildings", "emergency aid", "quake survivors"), List.of("disaster")));
        assertThat(bridge.storyId()).isEqualTo(rescue);
        assertThat(bridge.changed()).extracting(StoryState::id).containsExactly(aid, rescue);
        assertThat(stories.get(aid).mergedInto()).isEqualTo(rescue);
        assertThat(stories.get(rescue).toRecord().articleIds()).containsExactly("r1", "r2", "r3");
        assertThat(assigner.resolve(aid)).isEqualTo(rescue);
    }

    @Test
    void replayingTheSameSequenceOnEmptyTablesGivesTheSameStories() {
        List<EnrichedArticle> sequence = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant t = T0.plus(Duration.ofHours(5L * i));
            sequence.add(i % 3 == 0 ? quakeArticle("q" + i, t, "Kandar quake day " + i) : i % 3 == 1 ? electionArticle("e" + i, t)
                    : article("m" + i, t, "Markets rally", List.of("Dow Jones"), List.of("stock markets"), List.of("economy")));
        }
        assertThat(assignAll(sequence)).isEqualTo(assignAll(sequence));
    }

    @Test
    void coldStoriesAndArticlesLeaveTheStores() {
        StoryAssigner assigner = new StoryAssigner(stories, articles, RULES);
        assigner.assign(quake("a1", T0, "Earthquake hits Kandar province"));
        assigner.assign(election("b1", T0.plus(Duration.ofDays(4))));
        assertThat(stories.map).containsOnlyKeys(StoryRecord.idFor("b1"));
        assertThat(articles.map).containsOnlyKeys("b1");
    }

    @Test
    void hugeTitlesAndNamesDoNotMakeAStoryTooLargeForItsChangelog() throws Exception {
        // HostileRawRecordsTest sends a 1 MB title: a story state holding it broke the 1 MiB changelog limit.
        StoryAssigner assigner = new StoryAssigner(stories, articles, RULES);
        String huge = "T".repeat(1_040_000);
        String story = assigner.assign(ArticleFeatures.of(article("h1", T0, huge + " words " + "x ".repeat(100_000),
                List.of("N".repeat(500_000), "Kandar"), List.of("k".repeat(300_000), "earthquake"), List.of("disaster")))).storyId();
        byte[] json = dev.newswire.model.NewsJson.mapper().writeValueAsBytes(stories.get(story));
        assertThat(json.length).isLessThan(20_000);
        assertThat(stories.get(story).title()).hasSizeLessThanOrEqualTo(ArticleFeatures.MAX_TITLE_CHARS).endsWith("…");
    }

    private static List<String> assignAll(List<EnrichedArticle> sequence) {
        StoryAssigner assigner = new StoryAssigner(new MapTable<>(), new MapTable<>(), RULES);
        return sequence.stream().map(a -> assigner.assign(ArticleFeatures.of(a)).storyId()).toList();
    }

    // --- articles ------------------------------------------------------------------------

    static ArticleFeatures features(String id, Instant time, String title, List<String> entities, List<String> keyphrases, List<String> tags) {
        return ArticleFeatures.of(article(id, time, title, entities, keyphrases, tags));
    }

    static EnrichedArticle article(String id, Instant time, String title, List<String> entities, List<String> keyphrases, List<String> tags) {
        return article(id, time, title, entities, keyphrases, tags, title + " " + String.join(" ", keyphrases) + " " + id);
    }

    static EnrichedArticle article(String id, Instant time, String title, List<String> entities, List<String> keyphrases,
                                   List<String> tags, String text) {
        List<Entity> es = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            es.add(new Entity(entities.get(i), i == 0 ? EntityType.LOCATION : EntityType.ORGANIZATION, List.of(), 2, 0.8 - 0.1 * i, List.of()));
        }
        return new EnrichedArticle(id, "test", null, title, List.of(), "en", text, null, es,
                tags.stream().map(t -> new Tag(t, t, 0.9)).toList(), keyphrases, null, null, time, time, time,
                new Provenance("test", Map.of(), Map.of()));
    }

    /** A report of the Kandar earthquake; its text is its title (too short for a MinHash signature). */
    private static ArticleFeatures quake(String id, Instant time, String title) {
        return ArticleFeatures.of(quakeArticle(id, time, title));
    }

    private static EnrichedArticle quakeArticle(String id, Instant time, String title) {
        return article(id, time, title, List.of("Kandar", "Red Crescent"),
                List.of("earthquake", "collapsed buildings", "rescue teams"), List.of("disaster"), title);
    }

    private static ArticleFeatures election(String id, Instant time) {
        return ArticleFeatures.of(electionArticle(id, time));
    }

    private static EnrichedArticle electionArticle(String id, Instant time) {
        return article(id, time, "Parliament passes election law", List.of("Veldoria", "National Assembly"),
                List.of("election law", "opposition parties"), List.of("politics"));
    }

    private static ArticleFeatures withText(EnrichedArticle a, String text) {
        return ArticleFeatures.of(new EnrichedArticle(a.id(), a.source(), a.url(), a.title(), a.authors(), a.language(), text, a.summary(),
                a.entities(), a.tags(), a.keyphrases(), null, null, a.publishedAt(), a.receivedAt(), a.enrichedAt(), a.pipeline()));
    }

    private static String quakeText() {
        return "A strong earthquake struck Kandar province before dawn on Monday, collapsing buildings in three towns. "
                + "Rescue teams from the Red Crescent were searching the rubble for survivors, officials said. "
                + "The quake was felt in the capital, two hundred kilometres away, where residents ran into the streets.";
    }
}
