package dev.newswire.enrich.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * One embedding reads the model's output in place and reuses its thread's native buffers
 * ({@link ModelScratch}): about 15 KB of garbage per Reuters-sized lead (the tokenizer's Encoding,
 * tensor handles) where LangChain4j's path made about 150 KB (two more Encodings, a float[1][T][384]
 * of arrays built through JNI, its wrappers). Garbage is CPU: the allocation itself and the young
 * collections it brings, on the workers' cores.
 */
class EmbeddingGarbageTest {

    private static final String LEAD = "BANK OF ENGLAND LEAVES RATES UNCHANGED. The Bank of England kept its key rate at 5.25 pct "
            + "on Thursday, as expected, and said inflation would fall back towards its two percent target over the coming year "
            + "while growth stayed weak, with wage settlements still running well above what the bank regards as consistent "
            + "with its goal, officials said in London.";

    @Test
    void oneEmbeddingMakesLittleGarbage() {
        SentenceEmbedder embedder = new SentenceEmbedder();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) { // first calls load classes and fill caches
            embedder.embed(LEAD);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20; i++) {
            embedder.embed(LEAD);
        }
        long perText = (threads.getCurrentThreadAllocatedBytes() - before) / 20;
        assertThat(perText).as("bytes allocated per embedding").isLessThan(48_000);
    }
}
