package dev.newswire.enrich.pipeline.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical names and fixed types for places and organisations that go by several names
 * ("U.S.", "US", "America" to United States), from {@code aliases.tsv} (documented there).
 * Immutable and thread-safe.
 */
public final class AliasTable {

    public static final String RESOURCE = "/dev/newswire/enrich/pipeline/entities/aliases.tsv";
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

    private record Entry(String canonical, String type) {
    }

    private final Map<String, Entry> bySurface;

    private AliasTable(Map<String, Entry> bySurface) {
        this.bySurface = Map.copyOf(bySurface);
    }

    public static AliasTable defaults() {
        try (InputStream in = AliasTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AliasTable parse(String tsv) {
        Map<String, Entry> map = new HashMap<>();
        int lineNo = 0;
        for (String line : tsv.split("\\R")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2 || !TYPES.contains(cols[1].strip())) {
                throw new IllegalArgumentException("bad alias line " + lineNo + ": " + line);
            }
            Entry entry = new Entry(cols[0].strip(), cols[1].strip());
            map.put(entry.canonical(), entry);
            if (cols.length > 2) {
                for (String alias : cols[2].split("\\|")) {
                    if (!alias.isBlank()) {
                        map.put(alias.strip(), entry);
                    }
                }
            }
        }
        return new AliasTable(map);
    }

    /** The canonical name for a surface form the table knows. */
    public Optional<String> canonical(String surface) {
        return Optional.ofNullable(bySurface.get(surface)).map(Entry::canonical);
    }

    /** The fixed type (PERSON, ORGANIZATION, LOCATION, MISC) for a surface form the table knows. */
    public Optional<String> typeOf(String surface) {
        return Optional.ofNullable(bySurface.get(surface)).map(Entry::type);
    }
}
