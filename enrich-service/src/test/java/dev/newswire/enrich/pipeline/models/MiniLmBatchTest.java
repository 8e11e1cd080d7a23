package dev.newswire.enrich.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A padded batch gives each text nearly the vector it gets alone. Not exactly: the int8 model
 * quantises activations with a scale computed over the whole batch, so the other texts and the
 * padding move each vector a little (cosine 0.979 for a two-letter text beside long ones, 0.99 or more for the others) — one reason batching is off by default.
 */
class MiniLmBatchTest {

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new SentenceEmbedder();
    }

    @Test
    void batchOfTextsOfDifferentLengthsMatchesOneAtATime() {
        List<String> texts = List.of(
                "Netanyahu meets Trump in Washington. The Israeli prime minister arrived for talks on a Gaza ceasefire, "
                        + "hostages and the future of the region, officials said on Monday.",
                "Hi",
                "BANK OF ENGLAND LEAVES RATES UNCHANGED. The Bank of England kept its key rate at 5.25 pct.",
                "Zürich's Société Générale branch — café owners' €2.5bn dispute; naïve façade, 東京 and Москва too.",
                ".",
                "Wheat futures rose 3 cents on the Chicago Board of Trade as export demand from Egypt picked up, traders said, "
                        + "while corn and soybeans ended mixed after the USDA crop report.",
                "word ".repeat(700)); // longer than one model window: split and averaged as LangChain4j does
        float[][] batch = embedder.embedBatch(texts);
        assertThat(batch.length).isEqualTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = embedder.embed(texts.get(i));
            assertThat(batch[i]).as("text %d", i).hasSize(SentenceEmbedder.DIMENSIONS);
            assertThat(SentenceEmbedder.dot(alone, batch[i])).as("cosine of text %d batched and alone", i).isGreaterThan(0.97);
        }
    }

    @Test
    void batchOfOneMatchesAlone() {
        String text = "Oil prices fell on Tuesday after OPEC said output would rise.";
        float[] alone = embedder.embed(text);
        float[] batched = embedder.embedBatch(List.of(text))[0];
        assertThat(SentenceEmbedder.dot(alone, batched)).isGreaterThan(1 - 1e-6);
    }
}
