package dev.newswire.enrich.pipeline.sentences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.clean.SeedArticles;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.enrich.pipeline.models.OpenNlpModels;
import dev.newswire.model.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CachedTokenizerTest {

    private static ThreadSafeTokenizerME model;

    @BeforeAll
    static void load() {
        model = new ThreadSafeTokenizerME(OpenNlpModels.tokenizer());
    }

    /** Every line of the seeds plus the shapes that make the model cut inside a token. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(
                "U.S.-led talks on the $1.5bn deal (Reuters) said: \"no,\" Mr. Smith's co-op e.g. 3-1 at 10:30 a.m.",
                "WASHINGTON, Jan 5 (Reuters) - The U.S. economy grew 3.2% in Q4, vs. 2.9% ... it's 'done'!",
                "x", "", "  two  spaces\tand\ttabs\u00a0nbsp ", "e-mail: news@example.com http://example.com/a?b=c&d",
                "Smith,Jones;Brown:Green... (1) [2] {3} <4> \u201cquoted\u201d \u2014 dashes \u2013 here",
                "can't won't I'm we've they'd Jones' O'Neill rock'n'roll"));
        TextCleaner cleaner = new TextCleaner();
        for (RawArticle raw : SeedArticles.all()) {
            Document clean = cleaner.apply(Document.of(raw));
            texts.addAll(List.of(clean.text().split("\n")));
        }
        return texts;
    }

    @Test
    void givesTheSpansOfTheModelForEveryTextTheFirstTimeAndFromTheCache() {
        CachedTokenizer cached = new CachedTokenizer(model::tokenizePos);
        List<String> texts = texts();
        for (int pass = 0; pass < 2; pass++) {
            for (String text : texts) {
                assertThat(cached.tokenizePos(text)).as("pass %d: %s", pass, text).containsExactly(model.tokenizePos(text));
            }
        }
        assertThat(cached.cachedTokens()).isPositive();
    }

    @Test
    void asksTheModelOncePerDistinctToken() {
        AtomicInteger calls = new AtomicInteger();
        CachedTokenizer cached = new CachedTokenizer(token -> {
            calls.incrementAndGet();
            return model.tokenizePos(token);
        });
        String sentence = "Shares of U.S.-based Acme Corp. rose 5% (Reuters) on Monday, U.S.-based analysts said.";
        Span[] first = cached.tokenizePos(sentence);
        int distinct = calls.get();
        assertThat(distinct).isEqualTo(12); // 14 words of two or more characters, "U.S.-based" twice
        assertThat(cached.tokenizePos(sentence)).containsExactly(first);
        assertThat(calls).as("the second time every token comes from the cache").hasValue(distinct);
    }

    @Test
    void aHostileTextOfHugeTokensIsTokenizedAsTheModelDoesAndLeavesNothingInTheCache() {
        CachedTokenizer cached = new CachedTokenizer(model::tokenizePos);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append("a.b-".repeat(2_500)).append(i).append(' ');
        }
        assertThat(cached.tokenizePos(text.toString())).containsExactly(model.tokenizePos(text.toString()));
        assertThat(cached.cachedTokens()).isZero();
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        CachedTokenizer cached = new CachedTokenizer(model::tokenizePos);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < CachedTokenizer.MAX_TOKENS + 100; i++) {
            text.append("w").append(i).append(", ");
        }
        cached.tokenizePos(text.toString());
        assertThat(cached.cachedTokens()).isLessThanOrEqualTo(CachedTokenizer.MAX_TOKENS);
    }
}
