package dev.newswire.enrich.pipeline.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The documented tag vocabulary, read from {@code taxonomy.tsv} (its header explains the columns). */
public final class Taxonomy {

    public static final String RESOURCE = "taxonomy.tsv";

    /** One tag: {@code parent} is null for a top-level IPTC topic. */
    public record Topic(String id, String label, String description, List<String> evidence, String parent) {
        public boolean isTopLevel() {
            return parent == null;
        }

        /** What the embedding model sees for this tag. */
        public String prompt() {
            return label + ". " + description;
        }
    }

    private final Map<String, Topic> topics;

    private Taxonomy(Map<String, Topic> topics) {
        this.topics = topics;
    }

    public static Taxonomy defaults() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Taxonomy parse(List<String> lines) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 4) {
                throw new IllegalArgumentException("taxonomy line needs 4 TAB-separated columns: " + line);
            }
            String id = cols[0].trim();
            int slash = id.lastIndexOf('/');
            String parent = slash < 0 ? null : id.substring(0, slash);
            if (parent != null && !topics.containsKey(parent)) {
                throw new IllegalArgumentException("parent of " + id + " must be listed before it");
            }
            List<String> evidence = Arrays.stream(cols[3].split(","))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
            topics.put(id, new Topic(id, cols[1].trim(), cols[2].trim(), evidence, parent));
        }
        return new Taxonomy(topics);
    }

    public List<Topic> topics() {
        return new ArrayList<>(topics.values());
    }

    public Optional<Topic> get(String id) {
        return Optional.ofNullable(topics.get(id));
    }
}
