package dev.newswire.enrich.pipeline.models;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings, run in-process by ONNX Runtime (the model is inside the
 * LangChain4j jar, so nothing is downloaded at run time). Vectors are L2-normalised, so a dot
 * product is the cosine. ONNX Runtime sessions are thread-safe: one instance serves all workers.
 */
public final class SentenceEmbedder {

    public static final String COMPONENT = "langchain4j-embeddings-" + version() + "/all-MiniLM-L6-v2";
    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;

    public SentenceEmbedder() {
        // ONNX runs on the caller's thread only: the service sizes its own workers (see MiniLmModel).
        this.model = new MiniLmModel();
    }

    public float[] embed(String text) {
        return normalised(model.embed(text).content().vector());
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
        String v = AllMiniLmL6V2EmbeddingModel.class.getPackage().getImplementationVersion();
        return v == null ? "1.8.0-beta15" : v;
    }
}
