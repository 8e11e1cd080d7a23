package dev.newswire.enrich.pipeline.clean;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.text.LineClassifier;
import dev.newswire.enrich.pipeline.text.TextLine;
import dev.newswire.enrich.pipeline.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * HTML to classified text lines with jsoup: removes the elements the rules name (scripts, nav,
 * share bars, ...), picks the main container ({@code article}, {@code main}, else {@code body}),
 * and walks it emitting headings, paragraphs, list items and table rows as separate lines.
 */
public final class HtmlTextExtractor {

    private static final Set<String> NEVER_DROP = Set.of("html", "body", "main", "article");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "pre", "dd", "dt", "figcaption", "address", "summary");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "body", "span", "center", "font", "details", "header");

    private static final int MAX_DEPTH = 64;

    private final BoilerplateRules rules;

    public HtmlTextExtractor(BoilerplateRules rules) {
        this.rules = rules;
    }

    public List<TextLine> extract(String html) {
        Document page = Jsoup.parse(html);
        for (String selector : rules.htmlDropSelectors()) {
            page.select(selector).remove();
        }
        Element root = mainContainer(page);
        dropByClassOrId(root);
        List<TextLine> lines = new ArrayList<>();
        walk(root, lines, 0);
        return lines;
    }

    /** The {@code article} (or {@code main}) with the most paragraph text, else the body. */
    static Element mainContainer(Document page) {
        Element best = null;
        int bestLength = 0;
        for (Element candidate : page.select("article, main, [role=main]")) {
            int length = candidate.select("p").text().length();
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best != null ? best : page.body();
    }

    private void dropByClassOrId(Element root) {
        int totalParagraphs = Math.max(1, root.select("p").size());
        List<Element> doomed = new ArrayList<>();
        for (Element el : root.getAllElements()) {
            if (el == root || NEVER_DROP.contains(el.normalName()) || !hasDropToken(el)) {
                continue;
            }
            // A wrapper that holds most of the article is kept even if its class says "share-wrapper".
            if (el.select("p").size() * 2 > totalParagraphs) {
                continue;
            }
            doomed.add(el);
        }
        doomed.forEach(Element::remove);
    }

    private boolean hasDropToken(Element el) {
        String names = (el.className() + " " + el.id()).toLowerCase(Locale.ROOT);
        for (String token : names.split("[\\s_-]+")) {
            if (rules.htmlDropTokens().contains(token)) {
                return true;
            }
        }
        return false;
    }

    private void walk(Element el, List<TextLine> out, int depth) {
        String tag = el.normalName();
        if (depth > MAX_DEPTH) {
            // Pathologically nested markup: take the text flat (jsoup's text() is not recursive)
            // rather than risk a StackOverflowError on hostile input.
            emit(out, Block.Kind.PARAGRAPH, el.text());
        } else if (HEADINGS.contains(tag)) {
            emit(out, Block.Kind.HEADING, el.text());
        } else if (PARAGRAPHS.contains(tag)) {
            emit(out, Block.Kind.PARAGRAPH, el.text());
        } else if ("li".equals(tag)) {
            emit(out, Block.Kind.LIST_ITEM, el.text());
        } else if ("tr".equals(tag)) {
            Elements cells = el.select("> th, > td");
            List<String> texts = new ArrayList<>();
            cells.forEach(c -> texts.add(TextNormalizer.normalizeLine(c.text())));
            emit(out, Block.Kind.TABLE_ROW, String.join(" | ", texts));
        } else if ("br".equals(tag) || "hr".equals(tag)) {
            return;
        } else {
            walkMixed(el, out, depth);
        }
    }

    /** A container: child blocks are walked; runs of loose inline text become their own paragraphs. */
    private void walkMixed(Element el, List<TextLine> out, int depth) {
        StringBuilder loose = new StringBuilder();
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode text) {
                loose.append(text.text());
            } else if (child instanceof Element childEl) {
                if (isInline(childEl)) {
                    loose.append(childEl.text());
                } else {
                    flush(loose, out);
                    walk(childEl, out, depth + 1);
                }
            }
        }
        flush(loose, out);
    }

    private static boolean isInline(Element el) {
        return !el.isBlock() && !CONTAINERS.contains(el.normalName()) && !"br".equals(el.normalName())
                && el.select("p, div, li, tr, h1, h2, h3, h4, h5, h6").isEmpty();
    }

    private static void flush(StringBuilder loose, List<TextLine> out) {
        String text = TextNormalizer.normalizeLine(loose.toString());
        loose.setLength(0);
        if (!text.isEmpty()) {
            out.add(classifyLoose(text));
        }
    }

    private static TextLine classifyLoose(String text) {
        return LineClassifier.looksLikeHeading(text) ? new TextLine(Block.Kind.HEADING, text) : new TextLine(Block.Kind.PARAGRAPH, text);
    }

    private static void emit(List<TextLine> out, Block.Kind kind, String text) {
        String normalized = TextNormalizer.normalizeLine(text);
        if (!normalized.isEmpty()) {
            out.add(new TextLine(kind, normalized));
        }
    }
}
