package dev.newswire.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.newswire.ingest.RawTopicReader;
import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.ArticleIds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 end to end: the registry on the real broker, polls of a real local HTTP server, items in
 * news.articles.raw. Each test registers its own feeds and deletes every feed afterwards.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class FeedsTest {

    static final Duration WITHIN = Duration.ofSeconds(20);

    FeedServer server;
    RawTopicReader raw;

    @BeforeEach
    void open() {
        server = FeedServer.start();
        raw = RawTopicReader.open(NewswireKafkaResource.bootstrapServers());
    }

    @AfterEach
    void deleteEveryFeed() {
        for (String id : given().get("/api/feeds").then().statusCode(200).extract().jsonPath().getList("id", String.class)) {
            given().delete("/api/feeds/" + id).then().statusCode(204);
        }
        raw.close();
        server.close();
    }

    static String register(String url, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("url", url);
        return given().contentType("application/json").body(body).post("/api/feeds")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath feed(String id) {
        return given().get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitFeed(String id, Predicate<JsonPath> done) {
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> feed(id), done::test);
    }

    /** A counter of the feed's status, 0 while the feed has no status yet (before its first poll is recorded). */
    static long counter(JsonPath feed, String path) {
        Number n = feed.get(path);
        return n == null ? 0 : n.longValue();
    }

    static String articleId(String url) {
        return ArticleIds.of(url, "unused");
    }

    @Test
    void aRegisteredFeedIsPolledPublishedAndThenAskedConditionally() {
        server.serve("/world/rss.xml", FeedServer.rss(FeedParsingFixtures.bytes("rss2-content-encoded.xml"), "\"e1\""));
        String url = server.url("/world/rss.xml");
        String id = register(url, Map.of("intervalSeconds", 1));
        assertThat(id).isEqualTo(FeedIds.of(url));

        List<String> expected = List.of(articleId(server.url("/world/2026/11/30/port-strike-ends")),
                articleId("https://gazette.example/business/rates-held"), articleId("https://gazette.example/weather/storm-warning"));
        raw.until(records -> records.stream().map(RawTopicReader.Raw::key).toList().containsAll(expected)
                && records.size() >= 4, WITHIN);
        RawTopicReader.Raw strike = raw.withKey(expected.get(0)).get(0);
        assertThat(strike.field("source")).isEqualTo("Harbour Gazette - World");
        assertThat(strike.field("title")).isEqualTo("Port strike ends after nine days");
        assertThat(strike.field("publishedAt")).isEqualTo("2026-11-30T08:55:00Z");
        assertThat(strike.headers().get("ce_source")).endsWith("/feed");

        // The second poll sends the ETag, gets 304 and publishes nothing.
        JsonPath status = awaitFeed(id, f -> Integer.valueOf(304).equals(f.get("status.httpStatus")));
        assertThat(server.hits("/world/rss.xml").get(1).header("If-None-Match")).isEqualTo("\"e1\"");
        assertThat(status.getLong("status.itemsPublished")).isEqualTo(4);
        assertThat(status.getLong("status.itemsSeen")).isEqualTo(4);
        assertThat(status.getString("status.lastWarning")).contains("1 item(s) without a link");
        assertThat(status.getString("status.feedTitle")).isEqualTo("Harbour Gazette - World");
        assertThat(raw.records()).hasSize(4);

        // Idempotent: the same URL (another spelling of it) is the same feed.
        given().contentType("application/json").body(Map.of("url", url.replace("http://", "HTTP://") + "#top", "intervalSeconds", 1))
                .post("/api/feeds").then().statusCode(200).body("id", equalTo(id));
        assertThat(given().get("/api/feeds").then().extract().jsonPath().getList("id", String.class)).containsOnlyOnce(id);

        given().delete("/api/feeds/" + id).then().statusCode(204);
        given().get("/api/feeds/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", containsString("feed-not-found"));
    }

    @Test
    void badRegistrationsAreProblems() {
        given().contentType("application/json").body("{}").post("/api/feeds").then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("url"));
        given().contentType("application/json").body(Map.of("url", "ftp://example.org/feed")).post("/api/feeds")
                .then().statusCode(422).body("type", containsString("invalid-feed"));
        // loopback outside the allow-list (127.0.0.1 only in tests)
        given().contentType("application/json").body(Map.of("url", "http://127.0.0.2:9/feed")).post("/api/feeds")
                .then().statusCode(422).body("detail", containsString("non-public"));
        given().contentType("application/json").body(Map.of("url", server.url("/x"), "intervalSeconds", 0)).post("/api/feeds")
                .then().statusCode(422).body("field", equalTo("intervalSeconds"));
        given().contentType("application/json").body(Map.of("url", server.url("/x"), "language", "not a tag!")).post("/api/feeds")
                .then().statusCode(422).body("field", equalTo("language"));
        given().contentType("application/json").body("{\"url\": \"" + server.url("/x") + "\", \"intervalSeconds\": \"soon\"}")
                .post("/api/feeds").then().statusCode(400).contentType("application/problem+json").body("field", equalTo("intervalSeconds"));
        given().contentType("application/json").body("{\"url\": ").post("/api/feeds").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/feeds/fd-0000000000000000").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/feeds/fd-0000000000000000").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void failuresBackOffHonourRetryAfterAndDisableTheFeedUntilItIsPostedAgain() {
        server.serve("/down.xml", FeedServer.status(503, "1"));
        String url = server.url("/down.xml");
        String id = register(url, Map.of("intervalSeconds", 1));
        JsonPath disabled = awaitFeed(id, f -> f.getString("status.disabledReason") != null);
        assertThat(disabled.getInt("status.consecutiveErrors")).isEqualTo(3);
        assertThat(disabled.getString("status.disabledReason")).contains("3 consecutive failures").contains("http-status");
        assertThat(disabled.getString("status.lastError")).contains("HTTP 503");
        assertThat(disabled.getInt("status.httpStatus")).isEqualTo(503);
        assertThat(disabled.getString("status.nextPoll")).isNull();
        List<FeedServer.Hit> hits = server.hits("/down.xml");
        assertThat(hits).hasSize(3);
        for (int i = 1; i < hits.size(); i++) {
            assertThat(Duration.ofNanos(hits.get(i).startNanos() - hits.get(i - 1).endNanos()))
                    .as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }

        // The publisher is back; POSTing the feed again resumes it.
        server.serve("/down.xml", FeedServer.rss(FeedParsingFixtures.bytes("atom-xhtml.xml"), null));
        given().contentType("application/json").body(Map.of("url", url, "intervalSeconds", 1)).post("/api/feeds").then().statusCode(200);
        JsonPath resumed = awaitFeed(id, f -> counter(f, "status.itemsPublished") == 2);
        assertThat(resumed.getInt("status.consecutiveErrors")).isZero();
        assertThat(resumed.getString("status.disabledReason")).isNull();
    }

    @Test
    void hostileFeedsGetAClearStatusAndDoNotStopTheOthers() {
        server.serve("/laughs.xml", FeedServer.rss(FeedParsingFixtures.bytes("billion-laughs.xml"), null));
        server.serve("/drip.xml", FeedServer.drip());
        server.serve("/huge.xml", FeedServer.endless(100L * 1024 * 1024));
        server.serve("/sneaky.xml", FeedServer.redirect("http://127.0.0.2:" + server.port() + "/internal"));
        server.serve("/html.xml", FeedServer.html("<html><body>not a feed</body></html>"));
        server.serve("/good.xml", FeedServer.rss(FeedParsingFixtures.bytes("rdf10.xml"), null));
        String laughs = register(server.url("/laughs.xml"), Map.of("intervalSeconds", 1));
        String drip = register(server.url("/drip.xml"), Map.of("intervalSeconds", 1));
        String huge = register(server.url("/huge.xml"), Map.of("intervalSeconds", 1));
        String sneaky = register(server.url("/sneaky.xml"), Map.of("intervalSeconds", 1));
        String html = register(server.url("/html.xml"), Map.of("intervalSeconds", 1));
        String good = register(server.url("/good.xml"), Map.of("intervalSeconds", 1));

        assertThat(awaitFeed(laughs, f -> f.getString("status.lastError") != null).getString("status.lastError"))
                .startsWith("not-a-feed").containsIgnoringCase("DOCTYPE");
        assertThat(awaitFeed(drip, f -> f.getString("status.lastError") != null).getString("status.lastError")).startsWith("timeout");
        assertThat(awaitFeed(huge, f -> f.getString("status.lastError") != null).getString("status.lastError")).startsWith("too-large");
        assertThat(awaitFeed(sneaky, f -> f.getString("status.lastError") != null).getString("status.lastError"))
                .startsWith("blocked-address").contains("127.0.0.2");
        assertThat(awaitFeed(html, f -> f.getString("status.lastError") != null).getString("status.lastError")).startsWith("not-a-feed");
        assertThat(awaitFeed(good, f -> counter(f, "status.itemsPublished") == 1).getInt("status.httpStatus")).isEqualTo(200);
        // the good feed keeps being polled while the drip is cut off again and again
        awaitFeed(good, f -> server.hits("/good.xml").size() >= 3);
        assertThat(server.hits("/internal")).isEmpty();
    }

    @Test
    void fullArticlesAreFetchedWhereRobotsTxtAllows() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Local Times</title><link>/</link><description>d</description>
                <item><title>Open page</title><link>/site/open</link><description>Feed summary of the open page.</description></item>
                <item><title>Private page</title><link>/private/closed</link><description>Feed summary of the private page.</description></item>
                <item><title>Broken page</title><link>/site/missing</link><description>Feed summary of the missing page.</description></item>
                </channel></rss>""";
        server.serve("/site/feed.xml", FeedServer.rss(feed.getBytes(StandardCharsets.UTF_8), null));
        server.serve("/site/open", FeedServer.html("<html><head><title>Open page</title></head><body><nav>Home</nav>"
                + "<article><p>The full text of the open page, longer than the feed's summary.</p></article></body></html>"));
        server.serve("/private/closed", FeedServer.html("<html><body>must not be fetched</body></html>"));
        server.serve("/robots.txt", FeedServer.document("text/plain", "User-agent: NewswireBot\nDisallow: /private/\n"
                .getBytes(StandardCharsets.UTF_8), null));
        register(server.url("/site/feed.xml"), Map.of("intervalSeconds", 1, "fetchArticles", true));

        List<RawTopicReader.Raw> records = raw.until(r -> r.size() >= 3, WITHIN);
        RawTopicReader.Raw open = raw.withKey(articleId(server.url("/site/open"))).get(0);
        assertThat(open.field("contentType")).isEqualTo("text/html");
        assertThat(open.field("body")).contains("The full text of the open page");
        assertThat(open.field("title")).isEqualTo("Open page");
        RawTopicReader.Raw closed = raw.withKey(articleId(server.url("/private/closed"))).get(0);
        assertThat(closed.field("body")).isEqualTo("Feed summary of the private page.");
        RawTopicReader.Raw missing = raw.withKey(articleId(server.url("/site/missing"))).get(0);
        assertThat(missing.field("body")).as("404 page: the feed's content").isEqualTo("Feed summary of the missing page.");
        assertThat(server.hits("/private/closed")).isEmpty();
        assertThat(server.hits("/robots.txt")).hasSize(1);
        assertThat(records).hasSize(3);
    }

    @Test
    void opmlImportRegistersGoodFeedsAndExportListsThem() {
        server.serve("/opml/a.xml", FeedServer.rss(FeedParsingFixtures.bytes("atom-xhtml.xml"), null));
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>My feeds</title></head><body>
                  <outline text="Science"><outline type="rss" text="Wire" xmlUrl="%s"/></outline>
                  <outline type="rss" text="Bad" xmlUrl="ftp://example.org/feed"/>
                </body></opml>""".formatted(server.url("/opml/a.xml"));
        JsonPath imported = given().contentType("text/x-opml").body(opml).post("/api/feeds/opml")
                .then().statusCode(200).extract().jsonPath();
        assertThat(imported.getList("registered", String.class)).containsExactly(FeedIds.of(server.url("/opml/a.xml")));
        assertThat(imported.getString("rejected[0].url")).isEqualTo("ftp://example.org/feed");
        String exported = given().get("/api/feeds/opml").then().statusCode(200).extract().asString();
        assertThat(exported).contains("<opml version=\"2.0\">").contains("xmlUrl=\"" + server.url("/opml/a.xml") + "\"");
        given().contentType("text/x-opml").body(FeedParsingFixtures.bytes("billion-laughs.xml")).post("/api/feeds/opml")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
