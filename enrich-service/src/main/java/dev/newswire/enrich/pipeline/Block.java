package dev.newswire.enrich.pipeline;

/**
 * A structural piece of the clean text, as character offsets into {@link Document#text()}.
 * Only {@link Kind#PARAGRAPH} blocks feed sentence detection, NER and summaries: title-case
 * headings and table rows are the main source of NER false positives.
 */
public record Block(Kind kind, int start, int end) {

    public enum Kind { PARAGRAPH, HEADING, LIST_ITEM, TABLE_ROW }

    public boolean isProse() {
        return kind == Kind.PARAGRAPH || kind == Kind.LIST_ITEM;
    }
}
