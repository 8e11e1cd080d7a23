package dev.newswire.enrich.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns CoNLL tokens back into ordinary text ("Trump 's" to "Trump's"), for {@link NerEvaluation}. */
final class Detokenizer {

    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
            "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$");

    private Detokenizer() {
    }

    /** Appends the sentence to {@code text}; returns each token's [start, end) in it. */
    static List<int[]> append(StringBuilder text, List<String> tokens) {
        List<int[]> offsets = new ArrayList<>(tokens.size());
        boolean quoteOpen = false;
        boolean glueNext = true;
        for (String t : tokens) {
            boolean glue = glueNext || NO_SPACE_BEFORE.contains(t) || t.equals("\"") && quoteOpen;
            if (!glue) {
                text.append(' ');
            }
            int start = text.length();
            text.append(t);
            offsets.add(new int[] {start, text.length()});
            glueNext = NO_SPACE_AFTER.contains(t) || t.equals("\"") && !quoteOpen;
            if (t.equals("\"")) {
                quoteOpen = !quoteOpen;
            }
        }
        return offsets;
    }
}
