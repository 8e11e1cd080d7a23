package dev.newswire.ingest.feeds.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndFeed;
import dev.newswire.ingest.feeds.fetch.FetchException;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rome + ItemMapper over fixtures shaped like real publishers' feeds, and over hostile XML. */
class FeedParsingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static byte[] fixture(String name) {
        try (InputStream in = FeedParsingTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ItemMapper.Mapped map(String name, String base) throws FetchException {
        SyndFeed feed = FeedParser.parse(fixture(name), "application/xml");
        return ItemMapper.map(feed, URI.create(base), null, null, 1 << 20, NOW);
    }

    @Test
    void rss2WithContentEncodedRelativeLinksAndBadDates() throws Exception {
        ItemMapper.Mapped mapped = map("rss2-content-encoded.xml", "https://gazette.example/world/rss.xml");
        List<RawArticle> articles = mapped.items().stream().map(FeedItem::article).toList();
        assertThat(articles).hasSize(4);

        RawArticle strike = articles.get(0);
        assertThat(strike.url()).isEqualTo("https://gazette.example/world/2026/11/30/port-strike-ends");
        assertThat(strike.id()).isEqualTo(ArticleIds.of("https://gazette.example/world/2026/11/30/port-strike-ends", "x"));
        assertThat(strike.title()).isEqualTo("Port strike ends after nine days");
        assertThat(strike.source()).isEqualTo("Harbour Gazette - World");
        assertThat(strike.language()).isEqualTo("en-gb");
        assertThat(strike.publishedAt()).isEqualTo(Instant.parse("2026-11-30T08:55:00Z"));
        assertThat(strike.contentType()).isEqualTo(RawArticle.TEXT_HTML);
        assertThat(strike.body()).contains("stranded").contains("<meta name=\"author\" content=\"Amira Haddad\">")
                .doesNotContain("Dock workers voted to return"); // content:encoded wins over description

        RawArticle rates = articles.get(1);
        // tracking parameters do not change the id: the same story from another feed has the same id
        assertThat(rates.id()).isEqualTo(ArticleIds.of("https://gazette.example/business/rates-held", "x"));
        assertThat(rates.publishedAt()).isNull();

        assertThat(articles.get(2).publishedAt()).as("an unreadable date is left out").isNull();

        RawArticle letters = articles.get(3);
        assertThat(letters.url()).isNull();
        assertThat(letters.id()).isEqualTo(ArticleIds.of(null, letters.body()));
        assertThat(mapped.withoutLink()).isEqualTo(1);
    }

    @Test
    void atomWithXhtmlContentXmlBaseAndSeveralAuthors() throws Exception {
        ItemMapper.Mapped mapped = map("atom-xhtml.xml", "https://wire.example/science.atom");
        RawArticle telescope = mapped.items().get(0).article();
        assertThat(telescope.url()).isEqualTo("https://wire.example/science/2026/telescope-water");
        assertThat(telescope.title()).isEqualTo("Telescope finds water on a distant moon");
        assertThat(telescope.publishedAt()).isEqualTo(Instant.parse("2026-11-29T15:20:00Z"));
        assertThat(telescope.body()).contains("water vapour").contains("content=\"Kofi Mensah\"").contains("content=\"Ingrid Solberg\"");
        assertThat(telescope.source()).isEqualTo("Example Wire: Science");

        RawArticle vaccine = mapped.items().get(1).article();
        assertThat(vaccine.publishedAt()).as("updated when there is no published").isEqualTo(Instant.parse("2026-11-30T07:30:00Z"));
        assertThat(vaccine.contentType()).isEqualTo(RawArticle.TEXT_PLAIN);
        assertThat(vaccine.body()).contains("malaria");
    }

    @Test
    void rdf10InLatin1() throws Exception {
        ItemMapper.Mapped mapped = map("rdf10.xml", "https://kiosk.example/rss");
        RawArticle bridge = mapped.items().get(0).article();
        assertThat(bridge.title()).isEqualTo("Brücke über die Elbe wird saniert");
        assertThat(bridge.url()).isEqualTo("https://kiosk.example/artikel/1");
        assertThat(bridge.language()).isEqualTo("de");
        assertThat(bridge.publishedAt()).isEqualTo(Instant.parse("2026-11-28T11:00:00Z"));
        assertThat(bridge.body()).contains("Jörg Müller");
    }

    @Test
    void aConfiguredSourceAndLanguageWin() throws Exception {
        SyndFeed feed = FeedParser.parse(fixture("rdf10.xml"), null);
        RawArticle article = ItemMapper.map(feed, URI.create("https://kiosk.example/rss"), "Kiosk", "de-DE", 1 << 20, NOW)
                .items().get(0).article();
        assertThat(article.source()).isEqualTo("Kiosk");
        assertThat(article.language()).isEqualTo("de-DE");
    }

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> FeedParser.parse(fixture("billion-laughs.xml"), "application/rss+xml"))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.NOT_A_FEED);
                    assertThat(e.getMessage()).containsIgnoringCase("DOCTYPE");
                });
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void externalEntitiesAreNeverRead() {
        assertThatThrownBy(() -> FeedParser.parse(fixture("xxe.xml"), "application/rss+xml"))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.NOT_A_FEED));
    }

    @Test
    void htmlIsNotAFeed() {
        assertThatThrownBy(() -> FeedParser.parse("<html><body>hello</body></html>".getBytes(), "text/html"))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.NOT_A_FEED));
    }
}
