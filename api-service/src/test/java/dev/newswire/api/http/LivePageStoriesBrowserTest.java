package dev.newswire.api.http;

import static dev.newswire.api.support.TestArticles.about;
import static dev.newswire.api.support.TestArticles.publish;
import static dev.newswire.api.support.TestStories.inStory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11 on the live page, in a real headless Chromium: articles with a storyId are grouped into
 * one card per story showing its size and latest headline, which expands to its articles; an article
 * without a story stays a card of its own; no CSP violation. Screenshots in target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class LivePageStoriesBrowserTest extends LivePageBrowser {

    @Test
    void articlesOfAStoryAreGroupedAndExpand() throws Exception {
        String m = "lp" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        EnrichedArticle first = about(m, "Talks open");
        String story = "st-" + first.id();
        first = inStory(first, story, now);
        EnrichedArticle second = inStory(about(m, "Talks continue"), story, now);
        EnrichedArticle alone = about(m, "Unrelated");
        List.of(first, second, alone).forEach(a -> publish(a));

        WebDriverWait wait = openLive("?entity=" + m);
        By group = By.cssSelector("#cards > li.story[data-story='" + story + "']");
        wait.until(d -> !d.findElements(group).isEmpty() && d.findElement(group).getText().contains(second.title()));
        WebElement card = driver.findElement(group);
        assertThat(card.findElement(By.cssSelector(".story-size")).getText()).isEqualTo("2 articles");
        assertThat(card.findElement(By.cssSelector(".story-title")).getText()).isEqualTo(second.title());
        assertThat(card.findElement(By.cssSelector(".story-articles")).isDisplayed()).isFalse();
        // The unrelated article is a card of its own, not in the story.
        List<String> topLevel = driver.findElements(By.cssSelector("#cards > li")).stream()
                .map(e -> e.findElement(By.cssSelector("h3")).getText()).toList();
        assertThat(topLevel).containsExactly(alone.title(), second.title());   // newest activity first

        // A third article arrives live: the story moves to the top with the new headline and size.
        EnrichedArticle third = inStory(about(m, "Ceasefire agreed"), story, now);
        publish(third);
        wait.until(d -> d.findElement(group).findElement(By.cssSelector(".story-size")).getText().equals("3 articles"));
        assertThat(driver.findElement(group).findElement(By.cssSelector(".story-title")).getText()).isEqualTo(third.title());
        assertThat(driver.findElements(By.cssSelector("#cards > li")).get(0).getAttribute("data-story")).isEqualTo(story);

        driver.findElement(group).findElement(By.cssSelector("button.expand")).click();
        wait.until(d -> d.findElement(group).findElement(By.cssSelector(".story-articles")).isDisplayed());
        List<String> inside = driver.findElement(group).findElements(By.cssSelector(".story-articles > li h3")).stream()
                .map(WebElement::getText).toList();
        assertThat(inside).containsExactly(third.title(), second.title(), first.title());   // newest first
        assertThat(driver.findElement(group).findElement(By.cssSelector("button.expand")).getAttribute("aria-expanded")).isEqualTo("true");
        screenshot("live-page-stories");

        List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString).toList();
        assertThat(console).noneMatch(line -> line.contains("Content Security Policy") || line.contains("Content-Security-Policy"));
    }
}
