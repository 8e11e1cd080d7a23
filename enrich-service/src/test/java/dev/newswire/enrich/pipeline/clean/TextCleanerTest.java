package dev.newswire.enrich.pipeline.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.model.RawArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    private Document clean(RawArticle raw) {
        return cleaner.apply(Document.of(raw));
    }

    @Test
    void seed004LosesAllPageFurnitureButKeepsTheStory() {
        Document d = clean(SeedArticles.seed("004"));

        assertThat(d.text())
                .doesNotContain("Google News", "Quick Take", "Follow us", "Summary is AI generated", "Get the latest crypto")
                .doesNotContain("Hanan Zuhry")
                .contains("In a week filled with high-level diplomatic urgency")
                .contains("Witkoff told reporters he was \"hopeful\"");
        assertThat(d.text().lines()).noneMatch(line -> line.strip().equals(".") || line.strip().equals("Follow") || line.strip().equals("By"));
        // The Quick Take box (heading, AI note and its four bullets) goes as a whole.
        assertThat(d.text()).doesNotContain("A Qatari delegation played a crucial role in mediating talks");
        // The headline repeated under the lead appears only once (here as the first heading).
        assertThat(d.text().split("Trump and Netanyahu Meet Again as Gaza Ceasefire Talks Gain Momentum", -1)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void commentFurnitureIsDroppedFromSeeds000And001() {
        assertThat(clean(SeedArticles.seed("000")).text()).doesNotContain("Comment Template")
                .endsWith("commitment of both political leadership and international stakeholders.");
        Document d = clean(SeedArticles.seed("001"));
        assertThat(d.text().lines()).noneMatch(line -> line.strip().equals("Commentary"));
        assertThat(d.text()).contains("Trump's Leadership in Gaza Ceasefire Efforts");
    }

    @Test
    void seed002TablesBecomeTableRowsAndHeadingsAreNotProse() {
        Document d = clean(SeedArticles.seed("002"));

        List<Block> rows = d.blocks().stream().filter(b -> b.kind() == Block.Kind.TABLE_ROW).toList();
        assertThat(rows).hasSize(16);
        assertThat(rows).allSatisfy(b -> assertThat(b.isProse()).isFalse());
        assertThat(d.text()).doesNotContain("|---|");
        assertThat(blockText(d, Block.Kind.HEADING)).contains("U.S. Diplomatic Push Intensifies to End Gaza Violence", "Conclusion");
        assertThat(blockText(d, Block.Kind.LIST_ITEM)).contains("Immediate cessation of rocket attacks originating from Gaza");
        assertThat(blockText(d, Block.Kind.TABLE_ROW)).contains("Ceasefire Timing | Immediate and unconditional | Dependent on security guarantees");
    }

    @Test
    void blocksIndexTheTextAndQuotesAreAscii() {
        for (RawArticle raw : SeedArticles.all()) {
            Document d = clean(raw);
            assertThat(d.blocks()).isNotEmpty();
            for (Block b : d.blocks()) {
                String text = d.text().substring(b.start(), b.end());
                assertThat(text).isEqualTo(text.strip()).isNotEmpty().doesNotContain("\n");
            }
            assertThat(d.text()).doesNotContain("\u201C", "\u201D", "\u2019", "\u00A0", "  ");
        }
    }

    @Test
    void htmlPageKeepsOnlyTheArticle() {
        String html = """
                <!doctype html><html><head><title>Site</title><script>var x = "tracking";</script>
                <style>p { color: red }</style></head><body>
                <header><a href="/">Home</a> <a href="/world">World</a></header>
                <nav><ul><li>Politics</li><li>Sport</li></ul></nav>
                <article>
                  <h1>Ceasefire talks resume in Doha</h1>
                  <div class="share-bar"><a>Share on Facebook</a><a>Tweet</a></div>
                  <p>Negotiators from Israel and Hamas resumed talks in Doha on Monday, Qatari officials said.</p>
                  <p>The talks focus on a 60-day truce and the release of hostages held in Gaza.</p>
                  <ul><li>Qatar and Egypt are mediating.</li></ul>
                  <table><tr><th>Side</th><th>Demand</th></tr><tr><td>Israel</td><td>Hostages</td></tr></table>
                  <div class="newsletter-signup">Sign up for our newsletter for daily updates</div>
                  <aside>Related: Ten things to know</aside>
                </article>
                <footer>&copy; 2026 Example News. All rights reserved.</footer>
                </body></html>""";

        Document d = clean(SeedArticles.html(html));

        assertThat(d.text()).contains("Negotiators from Israel and Hamas resumed talks in Doha on Monday",
                "The talks focus on a 60-day truce", "Qatar and Egypt are mediating.", "Israel | Hostages");
        assertThat(d.text()).doesNotContain("Home", "Politics", "Facebook", "Tweet", "newsletter", "Related", "rights reserved", "tracking", "color");
        assertThat(blockText(d, Block.Kind.HEADING)).containsExactly("Ceasefire talks resume in Doha");
        assertThat(blockText(d, Block.Kind.LIST_ITEM)).containsExactly("Qatar and Egypt are mediating.");
    }

    @Test
    void rulesFileDrivesTheStripping() {
        BoilerplateRules rules = BoilerplateRules.parse("drop-line (?i)watch the video\ndrop-tail More stories\n");
        Document d = new TextCleaner(rules).apply(Document.of(SeedArticles.plain(
                "A first paragraph that is long enough to be prose in this little test case.\nWatch the video\n"
                        + "A second paragraph that is also long enough to count as prose in this test.\nMore stories\nTail line", "t")));
        assertThat(d.text()).doesNotContain("Watch the video", "More stories", "Tail line").contains("second paragraph");
    }

    @Test
    void hostileInputIsCleanedWithoutStackOverflow() {
        String deepHtml = "<html><body>" + "<div>".repeat(5000) + "Hello from Paris." + "</div>".repeat(5000) + "</body></html>";
        assertThat(clean(SeedArticles.html(deepHtml)).text()).isEqualTo("Hello from Paris.");

        String hugeByline = "By " + "Aaaa Bbbb, ".repeat(20000);
        assertThat(clean(SeedArticles.plain(hugeByline, "t")).text()).hasSizeGreaterThan(100_000);

        String longSeparator = "|" + "---|".repeat(5000);
        assertThat(clean(SeedArticles.plain("| a | b |\n" + longSeparator + "\n| c | d |", "t")).blocks()).isNotEmpty();
    }

    private static List<String> blockText(Document d, Block.Kind kind) {
        return d.blocks().stream().filter(b -> b.kind() == kind).map(b -> d.text().substring(b.start(), b.end())).toList();
    }
}
