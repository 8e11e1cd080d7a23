package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One real-world entity named in an article, with all the names it went by.
 *
 * @param name     canonical name, e.g. "Donald Trump"
 * @param aliases  other surface forms seen in the text, e.g. "Trump", "President Trump"
 * @param mentions how many times it is mentioned
 * @param salience 0..1, how central it is to the article
 * @param spans    character offsets of each mention into {@link EnrichedArticle#text()}
 * @param titleSpans character offsets of each mention into {@link EnrichedArticle#title()}: the title
 *                 is not part of {@code text}, so its mentions are located separately; they count in
 *                 {@code mentions}. Left out of the JSON when empty, so older readers see no change.
 */
public record Entity(String name, EntityType type, List<String> aliases, int mentions, double salience, List<Span> spans,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Span> titleSpans) {

    public Entity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        spans = spans == null ? List.of() : List.copyOf(spans);
        titleSpans = titleSpans == null ? List.of() : List.copyOf(titleSpans);
    }

    /** An entity named in the text only (no title mentions). */
    public Entity(String name, EntityType type, List<String> aliases, int mentions, double salience, List<Span> spans) {
        this(name, type, aliases, mentions, salience, spans, List.of());
    }

    /** True when {@code candidate} is this entity's name or one of its aliases, ignoring case. */
    public boolean isNamed(String candidate) {
        if (candidate == null) {
            return false;
        }
        return name.equalsIgnoreCase(candidate) || aliases.stream().anyMatch(candidate::equalsIgnoreCase);
    }
}
