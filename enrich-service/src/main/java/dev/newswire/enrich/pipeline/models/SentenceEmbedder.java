package dev.newswire.enrich.pipeline.models;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * all-MiniLM-L6-v2 sentence embeddings, run in-process by ONNX Runtime (the model is inside the
 * LangChain4j jar, so nothing is downloaded at run time). Vectors are L2-normalised, so a dot
 * product is the cosine. ONNX Runtime sessions are thread-safe: one instance serves all workers.
 */
public final class SentenceEmbedder {

    public static final String COMPONENT = "langchain4j-embeddings-" + version() + "/all-MiniLM-L6-v2-q";
    public static final int DIMENSIONS = 384;

    private final MiniLmModel model;
    private final MicroBatcher batcher;
    private final LongAdder calls = new LongAdder();

    public SentenceEmbedder() {
        // ONNX runs on the caller's thread only: the service sizes its own workers (see MiniLmModel).
        this(new MiniLmModel(), null);
    }

    private SentenceEmbedder(MiniLmModel model, MicroBatcher batcher) {
        this.model = model;
        this.batcher = batcher;
    }

    /**
     * The same model, but {@link #embed} joins texts that several threads ask for at about the same
     * time into one model call ({@link MicroBatcher}): at most {@code maxBatch} texts, waiting at
     * most {@code maxWait} for company.
     */
    public SentenceEmbedder batching(int maxBatch, Duration maxWait, ComputeSlots slots) {
        return new SentenceEmbedder(model, new MicroBatcher(this::embedBatch, maxBatch, maxWait, slots));
    }

    public float[] embed(String text) {
        calls.increment();
        if (batcher != null) {
            return batcher.embed(text);
        }
        return normalised(model.embedOne(text));
    }

    /** Texts embedded through {@link #embed} so far (each article should cost one). */
    public long calls() {
        return calls.sum();
    }

    /**
     * The same vectors as {@link #embed} on each text (within float noise), from one padded model
     * call: cheaper per text than one call each (see {@link MicroBatcher}).
     */
    public float[][] embedBatch(List<String> texts) {
        float[][] raw = model.embedBatch(texts);
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = normalised(raw[i]);
        }
        return out;
    }

    public float[][] embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        var embeddings = model.embedAll(segments).content();
        float[][] out = new float[embeddings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalised(embeddings.get(i).vector());
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    public static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    private static String version() {
        String v = AllMiniLmL6V2QuantizedEmbeddingModel.class.getPackage().getImplementationVersion();
        return v == null ? "1.8.0-beta15" : v;
    }
}
