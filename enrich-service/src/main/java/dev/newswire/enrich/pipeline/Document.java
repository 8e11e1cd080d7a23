package dev.newswire.enrich.pipeline;

import dev.newswire.model.Entity;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article as it moves through the {@code Pipeline}: immutable, each stage returns a copy with
 * its fields filled in. Offsets in blocks, sentences, tokens and entity spans all index {@link #text()}.
 */
public record Document(
        RawArticle raw,
        String title,
        List<String> authors,
        String text,
        List<Block> blocks,
        String language,
        List<Sentence> sentences,
        List<Sentence> titleSentences,
        List<Entity> entities,
        List<Tag> tags,
        List<String> keyphrases,
        String summary,
        Map<String, String> components,
        Map<String, String> skipped,
        float[] embedding) {

    public Document {
        authors = authors == null ? List.of() : List.copyOf(authors);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        titleSentences = titleSentences == null ? List.of() : List.copyOf(titleSentences);
        entities = entities == null ? List.of() : List.copyOf(entities);
        tags = tags == null ? List.of() : List.copyOf(tags);
        keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
        components = components == null ? Map.of() : Map.copyOf(components);
        skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
    }

    /** A document for a raw article that no stage has touched yet. */
    public static Document of(RawArticle raw) {
        return new Document(raw, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Document withTitleAndAuthors(String newTitle, List<String> newAuthors) {
        return new Document(raw, newTitle, newAuthors, text, blocks, language, sentences, titleSentences, entities, tags, keyphrases, summary, components, skipped, embedding);
    }

    public Document withText(String newText, List<Block> newBlocks) {
        return new Document(raw, title, authors, newText, newBlocks, language, sentences, titleSentences, entities, tags, keyphrases, summary, components, skipped, embedding);
    }

    public Document withLanguage(String newLanguage) {
        return new Document(raw, title, authors, text, blocks, newLanguage, sentences, titleSentences, entities, tags, keyphrases, summary, components, skipped, embedding);
    }

    public Document withSentences(List<Sentence> newSentences) {
        return new Document(raw, title, authors, text, blocks, language, newSentences, titleSentences, entities, tags, keyphrases, summary, components, skipped, embedding);
    }

    /** Sentences of the title, with offsets into {@link #title()} (the title is not part of the text). */
    public Document withTitleSentences(List<Sentence> newTitleSentences) {
        return new Document(raw, title, authors, text, blocks, language, sentences, newTitleSentences, entities, tags, keyphrases, summary, components, skipped, embedding);
    }

    /** Sentences of paragraphs and list items: running prose, for keyphrases, tags and summaries. */
    public List<Sentence> proseSentences() {
        List<Sentence> out = new java.util.ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            for (Block b : blocks) {
                if (s.start() >= b.start() && s.end() <= b.end()) {
                    if (b.isProse()) {
                        out.add(s);
                    }
                    break;
                }
            }
        }
        return blocks.isEmpty() ? sentences : out;
    }

    public Document withEntities(List<Entity> newEntities) {
        return new Document(raw, title, authors, text, blocks, language, sentences, titleSentences, newEntities, tags, keyphrases, summary, components, skipped, embedding);
    }

    public Document withTags(List<Tag> newTags) {
        return new Document(raw, title, authors, text, blocks, language, sentences, titleSentences, entities, newTags, keyphrases, summary, components, skipped, embedding);
    }

    public Document withKeyphrases(List<String> newKeyphrases) {
        return new Document(raw, title, authors, text, blocks, language, sentences, titleSentences, entities, tags, newKeyphrases, summary, components, skipped, embedding);
    }

    public Document withSummary(String newSummary) {
        return new Document(raw, title, authors, text, blocks, language, sentences, titleSentences, entities, tags, keyphrases, newSummary, components, skipped, embedding);
    }

    /**
     * The tags stage's document embedding (unit length), which the story step also compares
     * (carried on the pending record only, never on the public enriched event).
     */
    public Document withEmbedding(float[] newEmbedding) {
        return new Document(raw, title, authors, text, blocks, language, sentences, titleSentences, entities, tags, keyphrases, summary, components, skipped, newEmbedding);
    }

    /** Records which component produced a field, for {@code pipeline.components}. */
    public Document withComponent(String stage, String component) {
        Map<String, String> merged = new LinkedHashMap<>(components);
        merged.put(stage, component);
        return new Document(raw, title, authors, text, blocks, language, sentences, titleSentences, entities, tags, keyphrases, summary, merged, skipped, embedding);
    }

    /** Records that a stage did not run and why, for {@code pipeline.skipped}. */
    public Document withSkipped(String stage, String reason) {
        Map<String, String> merged = new LinkedHashMap<>(skipped);
        merged.put(stage, reason);
        return new Document(raw, title, authors, text, blocks, language, sentences, titleSentences, entities, tags, keyphrases, summary, components, merged, embedding);
    }

    /**
     * Marks an English-only stage as not run on this document, in one wording for every stage:
     * {@code language 'de' is not English: <why>}.
     */
    public Document skippedAsNotEnglish(String stage, String why) {
        return withSkipped(stage, "language '" + language + "' is not English: " + why);
    }

    /** True when the text is in a language the English models may run on. */
    public boolean isEnglish() {
        return "en".equals(language);
    }
}
