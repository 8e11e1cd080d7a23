package dev.newswire.enrich.pipeline.clean;

import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The five real seed articles in {@code seeds/} at the repository root, as raw plain-text articles. */
public final class SeedArticles {

    private SeedArticles() {
    }

    public static Path dir() {
        for (Path candidate : List.of(Path.of("..", "seeds"), Path.of("seeds"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("seeds/ not found from " + Path.of("").toAbsolutePath());
    }

    /** The seed whose file name starts with {@code prefix}, e.g. "004". */
    public static RawArticle seed(String prefix) {
        try (Stream<Path> files = Files.list(dir())) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return plain(Files.readString(file), "replay:" + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<RawArticle> all() {
        return Stream.of("000", "001", "002", "003", "004").map(SeedArticles::seed).toList();
    }

    public static RawArticle plain(String body, String source) {
        return new RawArticle("test-" + Math.abs(body.hashCode()), source, null, null, body, RawArticle.TEXT_PLAIN,
                null, Instant.parse("2026-01-01T00:00:00Z"), null);
    }

    public static RawArticle html(String body) {
        return new RawArticle("test-html", "test", "https://example.org/a", null, body, RawArticle.TEXT_HTML,
                null, Instant.parse("2026-01-01T00:00:00Z"), null);
    }
}
