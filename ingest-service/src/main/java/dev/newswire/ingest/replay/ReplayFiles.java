package dev.newswire.ingest.replay;

import dev.newswire.ingest.intake.ArticleFields;
import dev.newswire.ingest.intake.ArticleParser;
import dev.newswire.ingest.intake.RejectedArticleException;
import dev.newswire.ingest.intake.StrictText;
import dev.newswire.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

    /** A file to replay: its name in the folder, and its canonical path, checked to be inside a root. */
    public record Entry(String name, Path real) {
    }

    /**
     * How much a replay may read: one article, one .ndjson/.jsonl file or JSON array, and the
     * whole replay. Checked against each file's size before any of it is read.
     */
    public record Limits(long maxArticleBytes, long maxBatchBytes, long maxTotalBytes) {
    }

    private ReplayFiles() {
    }

    /**
     * The folder's regular files (links followed only when they stay inside a root) whose names
     * match {@code glob} and whose kind is known, in name order. {@code dir} is canonical.
     */
    public static List<Entry> list(Path dir, String glob, ReplayRoots roots) {
        GlobMatcher matcher = GlobMatcher.of(glob);
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (kind(name) == null || !matcher.matches(name)) {
                    return;
                }
                ReplayRoots.canonical(file)
                        .filter(real -> roots.contains(real) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS))
                        .ifPresent(real -> entries.add(new Entry(name, real)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the folder", e);
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    public static List<Item> read(List<Entry> files, Limits limits) {
        List<Item> items = new ArrayList<>();
        Instant now = Instant.now();
        long budget = limits.maxTotalBytes();
        for (Entry file : files) {
            String name = file.name();
            String source = "replay:" + name;
            String kind = kind(name);
            try (SeekableByteChannel channel = Files.newByteChannel(file.real(), StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                // The size decides before a byte is read: a 600 MB file must not be loaded to find it is too big.
                long size = channel.size();
                long limit = "ndjson".equals(kind) || "json".equals(kind) ? limits.maxBatchBytes() : limits.maxArticleBytes();
                if (size > limit) {
                    items.add(new Item(name, 0, null, "larger than " + limit + " bytes (" + size + "); not read"));
                    continue;
                }
                if (size > budget) {
                    items.add(new Item(name, 0, null, "the replay already read " + (limits.maxTotalBytes() - budget)
                            + " bytes; this file would pass newswire.ingest.replay.max-bytes; not read"));
                    continue;
                }
                byte[] bytes = readFully(channel, (int) size);
                if (bytes == null) {
                    items.add(new Item(name, 0, null, "grew while it was read; not read"));
                    continue;
                }
                budget -= bytes.length;
                if ("ndjson".equals(kind)) {
                    readLines(name, source, StrictText.utf8(bytes), limits.maxArticleBytes(), now, items);
                    continue;
                }
                if ("json".equals(kind) && startsWithArray(bytes)) {
                    readArray(name, source, StrictText.utf8(bytes), limits.maxArticleBytes(), now, items);
                    continue;
                }
                if (bytes.length > limits.maxArticleBytes()) {
                    items.add(new Item(name, 0, null, "larger than " + limits.maxArticleBytes() + " bytes"));
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
                // No message: it would name the file's absolute path.
                items.add(new Item(name, 0, null, "unreadable (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return items;
    }

    /** Exactly {@code size} bytes, or null when the file holds more than it did when sized. */
    private static byte[] readFully(SeekableByteChannel channel, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size + 1);
        while (channel.read(buffer) > 0) {
            if (!buffer.hasRemaining()) {
                return null;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
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

    private static String kind(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
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
