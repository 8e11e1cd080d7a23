package dev.newswire.enrich.pipeline.sentences;

import dev.newswire.enrich.pipeline.text.WordTypeCache;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * OpenNLP's maximum-entropy tokenizer, answered from a cache per whitespace token. {@code TokenizerME}
 * first splits a text at whitespace, then decides every cut inside a token from that token alone (its
 * characters and the model's abbreviations: no neighbour, no sentence), so a token's cuts are a
 * function of its string. "(Reuters)", "U.S.-led", "$1.5" and "said." are decided once, not in every
 * article: the model was half of this stage's Java time (one maximum-entropy evaluation per character
 * of every token that is not plain letters and digits). The spans are those {@code TokenizerME}
 * gives for the whole text (CachedTokenizerTest). Thread-safe.
 */
final class CachedTokenizer {

    /** Distinct tokens kept (~110 bytes each); a news stream's tokens come back within a few articles. */
    static final int MAX_TOKENS = 50_000;

    private final Function<String, Span[]> tokenizer;
    /** Token -> start and end of each piece, relative to the token. */
    private final WordTypeCache<int[]> pieces = new WordTypeCache<>(MAX_TOKENS);

    /** @param tokenizer OpenNLP's tokenizer ({@code ThreadSafeTokenizerME::tokenizePos}) */
    CachedTokenizer(Function<String, Span[]> tokenizer) {
        this.tokenizer = tokenizer;
    }

    Span[] tokenizePos(String text) {
        Span[] words = WhitespaceTokenizer.INSTANCE.tokenizePos(text);
        List<Span> out = new ArrayList<>(words.length + words.length / 4);
        for (Span word : words) {
            if (word.length() < 2) {
                out.add(word); // as TokenizerME: a single character is never split
                continue;
            }
            String token = text.substring(word.getStart(), word.getEnd());
            int[] bounds = pieces.get(token);
            if (bounds == null) {
                bounds = bounds(tokenizer.apply(token));
                pieces.put(token, bounds);
            }
            for (int i = 0; i < bounds.length; i += 2) {
                out.add(new Span(word.getStart() + bounds[i], word.getStart() + bounds[i + 1]));
            }
        }
        return out.toArray(new Span[0]);
    }

    private static int[] bounds(Span[] spans) {
        int[] bounds = new int[spans.length * 2];
        for (int i = 0; i < spans.length; i++) {
            bounds[2 * i] = spans[i].getStart();
            bounds[2 * i + 1] = spans[i].getEnd();
        }
        return bounds;
    }

    int cachedTokens() {
        return pieces.size();
    }
}
