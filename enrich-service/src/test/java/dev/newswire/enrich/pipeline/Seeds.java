package dev.newswire.enrich.pipeline;

import dev.newswire.enrich.pipeline.byline.TitleAndAuthorExtractor;
import dev.newswire.enrich.pipeline.clean.TextCleaner;
import dev.newswire.enrich.pipeline.language.LanguageDetector;
import dev.newswire.enrich.pipeline.sentences.SentenceSplitter;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: the seed articles after stages 1-4 (clean, byline, language, sentences). */
public final class Seeds {

    private static final List<Stage> FIRST_STAGES = List.of(
            new TextCleaner(), new TitleAndAuthorExtractor(), new LanguageDetector(), new SentenceSplitter());

    private Seeds() {
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(Path.of("../seeds"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path seed(String prefix) {
        return all().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    public static Document prepared(Path seed) {
        try {
            return prepared(Files.readString(seed), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document prepared(String body, String title) {
        Document d = Document.of(new RawArticle("test", "test", null, title, body, RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null));
        for (Stage stage : FIRST_STAGES) {
            d = stage.apply(d);
        }
        return d;
    }
}
