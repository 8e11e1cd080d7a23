package dev.newswire.enrich.bench;

import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.RawArticle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MiniLM cost per article, one text per model call against padded batches of 2..16, on one thread
 * (thread CPU ms, so the machine's load barely moves it), on the text the tags stage embeds (title +
 * first 60 words of Reuters stories); and the largest difference of a batched vector from the
 * one-at-a-time vector. Args: reutersJsonDir count
 */
public final class EmbeddingBatchBench {

    public static void main(String[] args) throws Exception {
        List<RawArticle> articles = PipelineBench.reuters(Path.of(args[0]), Integer.parseInt(args[1]));
        List<String> texts = new ArrayList<>();
        for (RawArticle a : articles) {
            String[] words = a.body().strip().split("\\s+");
            texts.add((a.title() == null ? "" : a.title() + ". ") + String.join(" ", List.of(words).subList(0, Math.min(60, words.length))));
        }
        SentenceEmbedder embedder = new SentenceEmbedder();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) { // the first round warms up
            long c0 = threads.getCurrentThreadCpuTime();
            List<float[]> single = new ArrayList<>();
            texts.forEach(t -> single.add(embedder.embed(t)));
            double singleMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / texts.size();
            StringBuilder line = new StringBuilder(String.format("one text per call %.2f ms/article", singleMs));
            for (int size : new int[] {1, 2, 4, 8, 16}) {
                double maxDiff = 0;
                long b0 = threads.getCurrentThreadCpuTime();
                for (int from = 0; from < texts.size(); from += size) {
                    List<String> batch = texts.subList(from, Math.min(texts.size(), from + size));
                    float[][] vectors = embedder.embedBatch(batch);
                    for (int i = 0; i < vectors.length; i++) {
                        for (int d = 0; d < vectors[i].length; d++) {
                            maxDiff = Math.max(maxDiff, Math.abs(vectors[i][d] - single.get(from + i)[d]));
                        }
                    }
                }
                line.append(String.format("; batch %d: %.2f ms/article (max |diff| %.1e)", size,
                        (threads.getCurrentThreadCpuTime() - b0) / 1e6 / texts.size(), maxDiff));
            }
            System.out.println((round == 0 ? "warm-up: " : "") + line + " [load average " + ProcessCpu.loadAverage() + "]");
        }
    }
}
