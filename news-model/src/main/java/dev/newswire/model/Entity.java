package dev.newswire.model;

import java.util.List;

/**
 * One real-world entity named in an article, with all the names it went by.
 *
 * @param name     canonical name, e.g. "Donald Trump"
 * @param aliases  other surface forms seen in the text, e.g. "Trump", "President Trump"
 * @param mentions how many times it is mentioned
 * @param salience 0..1, how central it is to the article
 * @param spans    character offsets of each mention into {@link EnrichedArticle#text()}
 */
public record Entity(String name, EntityType type, List<String> aliases, int mentions, double salience, List<Span> spans) {

    public Entity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        spans = spans == null ? List.of() : List.copyOf(spans);
    }

    /** True when {@code candidate} is this entity's name or one of its aliases, ignoring case. */
    public boolean isNamed(String candidate) {
        if (candidate == null) {
            return false;
        }
        return name.equalsIgnoreCase(candidate) || aliases.stream().anyMatch(candidate::equalsIgnoreCase);
    }
}
