package dev.newswire.enrich.pipeline.byline;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.text.LineClassifier;
import dev.newswire.enrich.pipeline.text.TextNormalizer;
import dev.newswire.model.RawArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Stage 2, title and authors. Title: the one the sender gave; else (HTML) og:title, the first h1
 * or &lt;title&gt;; else the first line of the clean text when it is a heading (it is then taken
 * out of the text); else none - a title is never invented. Authors: byline patterns in the raw
 * body ("By NAME", "By" over name lines, HTML author meta/links), de-duplicated.
 * Runs after clean, which has already removed the byline lines from the text.
 */
public final class TitleAndAuthorExtractor implements Stage {

    private static final Pattern BY_LINE = Pattern.compile("(?i:by):?\\s+(\\p{Lu}.{1,120})");
    private static final Pattern BY_ALONE = Pattern.compile("(?i)by:?");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");
    private static final Pattern OUTLET = Pattern.compile("\\s*[|–—]\\s*.*$|\\s+-\\s+.*$");
    private static final int MIN_TITLE_WORDS = 2;

    @Override
    public String name() {
        return "byline";
    }

    @Override
    public String component() {
        return "byline-rules";
    }

    @Override
    public Document apply(Document document) {
        RawArticle raw = document.raw();
        List<String> authors = authors(raw);
        String given = raw.title() == null ? null : TextNormalizer.normalizeLine(raw.title());
        if (given != null && !given.isEmpty()) {
            return document.withTitleAndAuthors(given, authors).withComponent(name(), component());
        }
        if (raw.isHtml()) {
            String htmlTitle = htmlTitle(raw.body());
            if (htmlTitle != null) {
                return document.withTitleAndAuthors(htmlTitle, authors).withComponent(name(), component());
            }
        }
        Document result = titleFromFirstHeading(document, authors);
        return result.withComponent(name(), component());
    }

    private static Document titleFromFirstHeading(Document document, List<String> authors) {
        List<Block> blocks = document.blocks();
        String text = document.text() == null ? "" : document.text();
        if (blocks.isEmpty() || blocks.get(0).kind() != Block.Kind.HEADING) {
            return document.withTitleAndAuthors(null, authors);
        }
        Block first = blocks.get(0);
        String candidate = text.substring(first.start(), first.end());
        if (!LineClassifier.looksLikeHeading(candidate) || candidate.split("\\s+").length < MIN_TITLE_WORDS) {
            return document.withTitleAndAuthors(null, authors);
        }
        // Take the headline out of the text so it is not a heading of its own body; shift offsets.
        int cut = blocks.size() > 1 ? blocks.get(1).start() - lineMarkerLength(blocks.get(1)) : text.length();
        List<Block> shifted = new ArrayList<>();
        for (Block b : blocks.subList(1, blocks.size())) {
            shifted.add(new Block(b.kind(), b.start() - cut, b.end() - cut));
        }
        return document.withText(text.substring(cut), shifted).withTitleAndAuthors(candidate, authors);
    }

    /** List items carry a "- " marker before their block start. */
    private static int lineMarkerLength(Block b) {
        return b.kind() == Block.Kind.LIST_ITEM ? 2 : 0;
    }

    static String htmlTitle(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        Element og = page.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return TextNormalizer.normalizeLine(og.attr("content"));
        }
        Element h1 = page.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return TextNormalizer.normalizeLine(h1.text());
        }
        String title = page.title();
        return title.isBlank() ? null : TextNormalizer.normalizeLine(title);
    }

    /** Authors in order of first appearance, de-duplicated ignoring case. */
    static List<String> authors(RawArticle raw) {
        Map<String, String> found = new LinkedHashMap<>();
        String body = raw.body() == null ? "" : raw.body();
        List<String> lines = new ArrayList<>();
        if (raw.isHtml()) {
            org.jsoup.nodes.Document page = Jsoup.parse(body);
            for (Element meta : page.select("meta[name=author], meta[property=article:author]")) {
                addNames(found, meta.attr("content"));
            }
            for (Element el : page.select("[rel=author], .byline, .author, [itemprop=author]")) {
                lines.add(el.text());
            }
        } else {
            // Bylines sit near the top; scanning the whole body would pick up "by" in prose.
            String[] all = body.split("\\R");
            for (int i = 0; i < Math.min(all.length, 40); i++) {
                lines.add(all[i]);
            }
        }
        // Byline lines are short; long lines are prose (and kept away from the regexes).
        List<String> normalized = lines.stream().map(TextNormalizer::normalizeLine).filter(s -> !s.isEmpty() && s.length() <= 200).toList();
        for (int i = 0; i < normalized.size(); i++) {
            String line = normalized.get(i);
            if (BY_ALONE.matcher(line).matches()) {
                for (int j = i + 1; j < normalized.size() && j <= i + 3 && LineClassifier.looksLikeName(normalized.get(j)); j++) {
                    addNames(found, normalized.get(j));
                }
                continue;
            }
            Matcher by = BY_LINE.matcher(line);
            if (by.matches() && !TextNormalizer.endsLikeSentence(line)) {
                addNames(found, OUTLET.matcher(by.group(1)).replaceAll(""));
            }
        }
        return List.copyOf(found.values());
    }

    private static void addNames(Map<String, String> found, String names) {
        for (String name : NAME_SEPARATOR.split(names.strip())) {
            String n = TextNormalizer.normalizeLine(name);
            if (LineClassifier.looksLikeName(n) && n.split("\\s+").length >= 2) {
                found.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            }
        }
    }
}
