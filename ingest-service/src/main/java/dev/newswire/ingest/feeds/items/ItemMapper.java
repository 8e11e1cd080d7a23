package dev.newswire.ingest.feeds.items;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.newswire.ingest.intake.ArticleFields;
import dev.newswire.ingest.intake.ArticleParser;
import dev.newswire.ingest.intake.RejectedArticleException;
import dev.newswire.model.ArticleTimes;
import dev.newswire.model.RawArticle;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Feed items → raw articles, through the same {@link ArticleParser} rules (and so the same id
 * rule) as every other ingest channel: an item with a link gets the id of its canonical URL, so
 * the same story from two polls, a restart or two feeds is one article.
 * <ul>
 *   <li>url: the item's link (Atom alternate, RSS link, else a permalink guid), resolved against
 *       the feed's final URL (relative links);</li>
 *   <li>body: {@code content:encoded} / Atom content (html, xhtml or text), else the description /
 *       summary, else the title; text/html unless the feed says plain text;</li>
 *   <li>publishedAt: published, else updated; a date Rome cannot read or one outside the contract's
 *       range is left out (the item is still published);</li>
 *   <li>authors: written into the body the way enrich's byline step reads them
 *       ({@code <meta name="author">} in HTML, a "By" line in text): RawArticle has no authors field.</li>
 * </ul>
 */
public final class ItemMapper {

    /** What one feed document gave: its articles, and counts of items that were not usable. */
    public record Mapped(List<FeedItem> items, int withoutLink, int refused, String firstRefusal) {
    }

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final int MAX_AUTHORS = 10;

    private ItemMapper() {
    }

    /**
     * @param source   the configured source name, else null for the feed's title
     * @param language the configured language, else null for the feed's own (when well-formed)
     * @param maxBody  larger item bodies are refused (the ingest per-article cap)
     */
    public static Mapped map(SyndFeed feed, URI base, String source, String language, long maxBody, Instant now) {
        String feedSource = source != null ? source : firstNonBlank(strip(feed.getTitle()), base.getHost());
        String feedLanguage = language != null ? language : wellFormed(feed.getLanguage());
        List<FeedItem> items = new ArrayList<>();
        int withoutLink = 0;
        int refused = 0;
        String firstRefusal = null;
        for (SyndEntry entry : feed.getEntries()) {
            URI link = link(entry, base);
            if (link == null) {
                withoutLink++;
            }
            String title = strip(entry.getTitle());
            SyndContent content = content(entry);
            String body = content == null ? null : content.getValue();
            String contentType = content == null || isPlain(content.getType()) ? RawArticle.TEXT_PLAIN : RawArticle.TEXT_HTML;
            if (body == null || body.isBlank()) {
                body = title;
                contentType = RawArticle.TEXT_PLAIN;
            }
            if (body == null || body.isBlank()) {
                refused++;
                firstRefusal = firstRefusal != null ? firstRefusal : "an item with neither content nor title";
                continue;
            }
            if (body.length() > maxBody) {
                refused++;
                firstRefusal = firstRefusal != null ? firstRefusal : "an item of more than " + maxBody + " characters";
                continue;
            }
            String authors = authorsMarkup(entry, contentType);
            ArticleFields fields = new ArticleFields(title, link == null ? null : link.toString(), feedSource,
                    date(entry, now), feedLanguage);
            try {
                RawArticle article = ArticleParser.fromText(authors + body, contentType, fields, feedSource, now);
                items.add(new FeedItem(article, link, fields, authorsMarkup(entry, RawArticle.TEXT_HTML)));
            } catch (RejectedArticleException e) {
                refused++;
                firstRefusal = firstRefusal != null ? firstRefusal : e.getMessage();
            }
        }
        return new Mapped(items, withoutLink, refused, firstRefusal);
    }

    /** The same item with the linked page as its body (text/html), for enrich's HTML path; null if the page is unusable. */
    public static RawArticle fromPage(FeedItem item, String html, Instant now) {
        try {
            return ArticleParser.fromText(item.authorsMarkup() + html, RawArticle.TEXT_HTML, item.fields(),
                    item.fields().source(), now);
        } catch (RejectedArticleException e) {
            return null;
        }
    }

    private static URI link(SyndEntry entry, URI base) {
        List<String> candidates = new ArrayList<>();
        if (entry.getLink() != null) {
            candidates.add(entry.getLink());
        }
        entry.getLinks().stream().filter(l -> l.getRel() == null || "alternate".equals(l.getRel()))
                .forEach(l -> candidates.add(l.getHref()));
        if (entry.getUri() != null && entry.getUri().matches("(?i)https?://.*")) {
            candidates.add(entry.getUri());
        }
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            try {
                URI resolved = base.resolve(candidate.strip());
                String scheme = resolved.getScheme();
                if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && resolved.getHost() != null) {
                    return resolved;
                }
            } catch (IllegalArgumentException e) {
                // an unusable link: try the next candidate
            }
        }
        return null;
    }

    private static SyndContent content(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content;
            }
        }
        return entry.getDescription();
    }

    private static boolean isPlain(String type) {
        return type != null && (type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain"));
    }

    private static String date(SyndEntry entry, Instant now) {
        java.util.Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (date == null) {
            return null;
        }
        Instant instant = date.toInstant();
        return ArticleTimes.within(instant, now) ? instant.toString() : null;
    }

    private static String authorsMarkup(SyndEntry entry, String contentType) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            if (person.getName() != null && !person.getName().isBlank()) {
                names.add(strip(person.getName()));
            }
        }
        if (names.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            names.add(strip(entry.getAuthor()));
        }
        if (names.isEmpty()) {
            return "";
        }
        List<String> list = names.stream().limit(MAX_AUTHORS).toList();
        if (RawArticle.TEXT_PLAIN.equals(contentType)) {
            return "By " + String.join(" and ", list) + "\n\n";
        }
        StringBuilder meta = new StringBuilder();
        list.forEach(name -> meta.append("<meta name=\"author\" content=\"").append(escape(name)).append("\">\n"));
        return meta.toString();
    }

    private static String wellFormed(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        try {
            new Locale.Builder().setLanguageTag(tag.strip());
            return tag.strip();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String text = TAGS.matcher(value).replaceAll("").strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
