package dev.newswire.enrich.pipeline.clean;

import dev.newswire.enrich.pipeline.Block;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Stage;
import dev.newswire.enrich.pipeline.models.LibraryVersion;
import dev.newswire.enrich.pipeline.text.LineClassifier;
import dev.newswire.enrich.pipeline.text.TextLine;
import dev.newswire.enrich.pipeline.text.TextNormalizer;
import dev.newswire.model.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Stage 1, clean: raw body (plain text or HTML) to clean text plus {@link Block}s. Paragraphs are
 * separated by a blank line; consecutive list items or table rows by a single newline; list items
 * keep a "- " marker outside their block so the text still reads as a list.
 */
public final class TextCleaner implements Stage {

    private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(<!doctype html|<html|<body|<article|<div|<p[ >])");

    private final BoilerplateStripper stripper;
    private final HtmlTextExtractor html;
    private final String component;

    public TextCleaner() {
        this(BoilerplateRules.defaults());
    }

    public TextCleaner(BoilerplateRules rules) {
        this.stripper = new BoilerplateStripper(rules);
        this.html = new HtmlTextExtractor(rules);
        this.component = "jsoup-" + LibraryVersion.of("org.jsoup", "jsoup") + "/boilerplate-rules";
    }

    @Override
    public String name() {
        return "clean";
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public Document apply(Document document) {
        RawArticle raw = document.raw();
        String body = raw.body() == null ? "" : raw.body();
        List<TextLine> lines = isHtml(raw) ? html.extract(body) : LineClassifier.classify(body);
        lines = withoutGivenTitle(stripper.strip(lines), raw.title());
        return assemble(lines, document).withComponent(name(), component);
    }

    static boolean isHtml(RawArticle raw) {
        return raw.isHtml() || (raw.body() != null && HTML_START.matcher(raw.body()).find());
    }

    /** The headline is a field of its own; repeating it in the text only feeds NER and summaries twice. */
    private static List<TextLine> withoutGivenTitle(List<TextLine> lines, String title) {
        if (title == null || title.isBlank()) {
            return lines;
        }
        String key = key(TextNormalizer.normalizeLine(title));
        List<TextLine> kept = new ArrayList<>(lines.size());
        for (TextLine line : lines) {
            if (!key(line.text()).equals(key)) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static Document assemble(List<TextLine> lines, Document document) {
        StringBuilder text = new StringBuilder();
        List<Block> blocks = new ArrayList<>();
        Block.Kind previous = null;
        for (TextLine line : lines) {
            if (previous != null) {
                boolean sameRun = previous == line.kind() && (previous == Block.Kind.LIST_ITEM || previous == Block.Kind.TABLE_ROW);
                text.append(sameRun ? "\n" : "\n\n");
            }
            if (line.kind() == Block.Kind.LIST_ITEM) {
                text.append("- ");
            }
            int start = text.length();
            text.append(line.text());
            blocks.add(new Block(line.kind(), start, text.length()));
            previous = line.kind();
        }
        return document.withText(text.toString(), blocks);
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
