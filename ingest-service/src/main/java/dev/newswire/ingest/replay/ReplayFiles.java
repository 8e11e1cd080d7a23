package dev.newswire.ingest.replay;

import dev.newswire.ingest.intake.ArticleFields;
import dev.newswire.ingest.intake.ArticleParser;
import dev.newswire.ingest.intake.RejectedArticleException;
import dev.newswire.ingest.intake.StrictText;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a replay folder into articles, files in name order: {@code .txt} as plain text (headline
 * first line becomes the title), {@code .html}/{@code .htm} as HTML, {@code .json} as one article,
 * {@code .ndjson}/{@code .jsonl} as one article per line. Every article's source is
 * {@code replay:<file name>} so a record can be traced to its file. Other files are ignored.
 */
public final class ReplayFiles {

    /** One article of the folder, or why its file/line was refused. */
    public record Item(String file, int line, RawArticle article, String rejection) {

        boolean valid() {
            return article != null;
        }
    }

    private ReplayFiles() {
    }

    public static List<Path> list(Path dir, String glob) {
        PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matcher.matches(file.getFileName()))
                    .filter(file -> kind(file) != null)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public static List<Item> read(List<Path> files, long maxArticleBytes) {
        List<Item> items = new ArrayList<>();
        Instant now = Instant.now();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String source = "replay:" + name;
            try {
                byte[] bytes = Files.readAllBytes(file);
                String kind = kind(file);
                if ("ndjson".equals(kind)) {
                    readLines(name, source, StrictText.utf8(bytes), maxArticleBytes, now, items);
                    continue;
                }
                if ("json".equals(kind) && startsWithArray(bytes)) {
                    readArray(name, source, StrictText.utf8(bytes), maxArticleBytes, now, items);
                    continue;
                }
                if (bytes.length > maxArticleBytes) {
                    items.add(new Item(name, 0, null, "larger than " + maxArticleBytes + " bytes"));
                    continue;
                }
                String text = StrictText.utf8(bytes);
                RawArticle article = switch (kind) {
                    case "json" -> ArticleParser.fromJson(text, source, now);
                    case "html" -> ArticleParser.fromText(text, RawArticle.TEXT_HTML, ArticleFields.NONE, source, now);
                    default -> ArticleParser.fromText(text, RawArticle.TEXT_PLAIN, ArticleFields.NONE, source, now);
                };
                items.add(new Item(name, 0, traced(article, source), null));
            } catch (RejectedArticleException e) {
                items.add(new Item(name, 0, null, e.getMessage()));
            } catch (IOException e) {
                items.add(new Item(name, 0, null, "unreadable: " + e.getMessage()));
            }
        }
        return items;
    }

    private static void readLines(String name, String source, String text, long maxArticleBytes, Instant now,
                                  List<Item> items) {
        int number = 0;
        for (String line : text.split("\\R", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > maxArticleBytes) {
                items.add(new Item(name, number, null, "line larger than " + maxArticleBytes + " characters"));
                continue;
            }
            try {
                items.add(new Item(name, number, traced(ArticleParser.fromJson(line, source, now), source), null));
            } catch (RejectedArticleException e) {
                items.add(new Item(name, number, null, e.getMessage()));
            }
        }
    }

    /** A .json file holding an array: each element is one article (numbered from 1 as "line"). */
    private static void readArray(String name, String source, String text, long maxArticleBytes, Instant now,
                                  List<Item> items) {
        com.fasterxml.jackson.databind.JsonNode array;
        try {
            array = dev.newswire.model.NewsJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            items.add(new Item(name, 0, null, "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        int number = 0;
        for (com.fasterxml.jackson.databind.JsonNode element : array) {
            number++;
            String json = element.toString();
            if (json.length() > maxArticleBytes) {
                items.add(new Item(name, number, null, "element larger than " + maxArticleBytes + " characters"));
                continue;
            }
            try {
                items.add(new Item(name, number, traced(ArticleParser.fromJson(json, source, now), source), null));
            } catch (RejectedArticleException e) {
                items.add(new Item(name, number, null, e.getMessage()));
            }
        }
    }

    private static boolean startsWithArray(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** The file name wins over a source inside a JSON file: replayed records must be traceable. */
    private static RawArticle traced(RawArticle article, String source) {
        return new RawArticle(article.id(), source, article.url(), article.title(), article.body(),
                article.contentType(), article.publishedAt(), article.receivedAt(), article.language());
    }

    private static String kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return "txt";
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return "ndjson";
        }
        if (name.endsWith(".json")) {
            return "json";
        }
        return null;
    }
}
