package dev.newswire.api.view;

import static dev.newswire.api.support.TestArticles.article;
import static dev.newswire.api.support.TestArticles.person;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleFilterTest {

    private final EnrichedArticle a = article("Netanyahu meets Macron", "Talks in Paris; the prime-minister said...", "en",
            List.of(person("Benjamin Netanyahu", "Netanyahu", "Bibi")), List.of(new Tag("politics/diplomacy", "Diplomacy", 0.9)));

    @Test
    void eachFilterAloneAndCombined() {
        assertThat(ArticleFilter.ALL.matches(a)).isTrue();
        assertThat(ArticleFilter.of(List.of("politics"), null, null, null).matches(a)).isTrue();
        assertThat(ArticleFilter.of(List.of("POLITICS/diplomacy"), null, null, null).matches(a)).isTrue();
        assertThat(ArticleFilter.of(List.of("polit"), null, null, null).matches(a)).isFalse();
        assertThat(ArticleFilter.of(List.of("sport,politics"), null, null, null).matches(a)).isTrue();
        assertThat(ArticleFilter.of(null, "bibi", null, null).matches(a)).isTrue();
        assertThat(ArticleFilter.of(null, "benjamin netanyahu", null, null).matches(a)).isTrue();
        assertThat(ArticleFilter.of(null, "Benjamin", null, null).matches(a)).isFalse();
        assertThat(ArticleFilter.of(null, null, "EN", null).matches(a)).isTrue();
        assertThat(ArticleFilter.of(null, null, "de", null).matches(a)).isFalse();
        assertThat(ArticleFilter.of(null, null, null, "paris MACRON").matches(a)).isTrue();
        assertThat(ArticleFilter.of(null, null, null, "minister").matches(a)).isTrue();
        assertThat(ArticleFilter.of(null, null, null, "par").matches(a)).isFalse();
        assertThat(ArticleFilter.of(List.of("politics"), "Bibi", "en", "paris").matches(a)).isTrue();
        assertThat(ArticleFilter.of(List.of("politics"), "Bibi", "de", "paris").matches(a)).isFalse();
    }

    @Test
    void equalFiltersAreEqualSoFanOutEvaluatesThemOnce() {
        assertThat(ArticleFilter.of(List.of("A"), " Bibi ", "EN", "x  y"))
                .isEqualTo(ArticleFilter.of(List.of("a"), "bibi", "en", "X y"));
    }

    @Test
    void storyFilterMatchesItsStoriesAndNeverAnArticleWithoutOne() {
        EnrichedArticle plain = dev.newswire.api.support.TestArticles.about("m", "t");
        EnrichedArticle inX = dev.newswire.api.support.TestStories.inStory(plain, "st-x", plain.publishedAt());
        ArticleFilter story = ArticleFilter.ALL.withStories(java.util.Set.of("st-x", "st-merged"));
        assertThat(story.isAll()).isFalse();
        assertThat(story.matches(inX)).isTrue();
        assertThat(story.matches(plain)).isFalse();
        assertThat(story.matches(dev.newswire.api.support.TestStories.inStory(plain, "st-y", plain.publishedAt()))).isFalse();
        assertThat(ArticleFilter.ALL.matches(plain)).isTrue();
    }
}
