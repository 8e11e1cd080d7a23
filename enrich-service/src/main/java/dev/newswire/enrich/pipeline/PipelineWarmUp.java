package dev.newswire.enrich.pipeline;

import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a few bundled articles ({@code warmup/articles.txt}: news-like text written for this project,
 * plain and HTML, with people, places, companies and numbers) through the whole pipeline before the
 * service reports ready. The first articles through a fresh JVM run interpreted and C1 code while the
 * JIT compiles CoreNLP, OpenNLP and the stages (docs/benchmarks/enrich.md: the first ~200 articles
 * cost 2-3 times the steady CPU); doing that on bundled text moves it before readiness, where no
 * record waits for it, instead of onto the first real articles. Bounded by a count and a time, so a
 * slow or loaded machine does not start much later.
 */
public final class PipelineWarmUp {

    static final String RESOURCE = "warmup/articles.txt";

    private PipelineWarmUp() {
    }

    /** What a warm-up did: articles run, how long it took, and the CPU time of the thread that ran it. */
    public record Result(int articles, Duration took, Duration cpu) {
    }

    /** Runs up to {@code articles} warm-up articles (cycling through the bundled ones), stopping after {@code maxTime}. */
    public static Result run(Pipeline pipeline, int articles, Duration maxTime) {
        List<RawArticle> bundled = articles();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        int done = 0;
        while (done < articles && System.nanoTime() < deadline) {
            pipeline.run(bundled.get(done % bundled.size()));
            done++;
        }
        return new Result(done, Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpu0));
    }

    /** The bundled warm-up articles. */
    public static List<RawArticle> articles() {
        String text;
        try (InputStream in = PipelineWarmUp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RawArticle> out = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String title = null;
        for (String line : (text + "\n---\n").split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.equals("---")) {
                if (title != null) {
                    out.add(article(out.size(), title, body.toString().strip()));
                }
                title = null;
                body.setLength(0);
            } else if (title == null) {
                title = line.strip();
            } else {
                body.append(line).append('\n');
            }
        }
        return out;
    }

    private static RawArticle article(int n, String title, String body) {
        boolean html = title.startsWith("<");
        String plainTitle = html ? title.replaceAll("<[^>]+>", "") : title;
        String fullBody = html ? title + "\n" + body : body;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new RawArticle("warm-up-" + n, "newswire-warm-up", null, plainTitle, fullBody,
                html ? RawArticle.TEXT_HTML : RawArticle.TEXT_PLAIN, now, now, null);
    }
}
