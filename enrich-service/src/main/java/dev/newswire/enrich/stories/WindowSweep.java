package dev.newswire.enrich.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the story state bounded by event time: the latest event time seen is the clock, and every
 * 1/72 of the window (at least a minute) of it, stories last seen and articles published more than
 * the window before the clock leave the stores and the index. Event time, never the wall clock, so
 * a replay sweeps at the same points and assigns alike.
 */
final class WindowSweep {

    private static final Logger LOG = Logger.getLogger(WindowSweep.class);

    private final StateTable<StoryState> stories;
    private final StateTable<ArticleState> articles;
    private final StoryIndex index;
    private final Duration window;
    private final Duration every;
    private Instant clock;
    private Instant lastSweep;

    /** Starts the clock at {@code latest}: the latest last-seen time of the stored stories (EPOCH when none). */
    WindowSweep(StateTable<StoryState> stories, StateTable<ArticleState> articles, StoryIndex index, Duration window,
                Instant latest) {
        this.stories = stories;
        this.articles = articles;
        this.index = index;
        this.window = window;
        this.every = window.dividedBy(72).compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : window.dividedBy(72);
        this.clock = latest;
        this.lastSweep = latest;
    }

    /** Moves the clock to an article's event time (never back) and sweeps when a sweep is due. */
    void advance(Instant time) {
        if (!time.isAfter(clock)) {
            return;
        }
        clock = time;
        if (Duration.between(lastSweep, clock).compareTo(every) >= 0) {
            lastSweep = clock;
            sweep(clock.minus(window));
        }
    }

    /** Removes stories last seen, and articles published, before {@code cutoff}: only those are read. */
    private void sweep(Instant cutoff) {
        List<String> coldStories = index.storiesLastSeenBefore(cutoff);
        for (String id : coldStories) {
            StoryState story = stories.get(id);
            if (story != null) {
                index.removeStory(story);
            }
            stories.delete(id);
        }
        List<String> coldArticles = index.articlesBefore(cutoff);
        for (String id : coldArticles) {
            ArticleState article = articles.get(id);
            if (article != null) {
                index.removeArticle(id, article.time(), article.signature());
            }
            articles.delete(id);
        }
        if (!coldStories.isEmpty() || !coldArticles.isEmpty()) {
            LOG.debugf("swept %d stories and %d articles older than %s", coldStories.size(), coldArticles.size(), cutoff);
        }
    }
}
