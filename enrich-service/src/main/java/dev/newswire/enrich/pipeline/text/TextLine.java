package dev.newswire.enrich.pipeline.text;

import dev.newswire.enrich.pipeline.Block;

/** One line of candidate article text with its structural kind, before it is joined into the clean text. */
public record TextLine(Block.Kind kind, String text) {

    /** Number of whitespace-separated words. */
    public int words() {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** A line that reads like running prose: long enough and ending like a sentence. */
    public boolean isParagraphLike() {
        return kind == Block.Kind.PARAGRAPH && words() >= 12 && TextNormalizer.endsLikeSentence(text);
    }
}
