package dev.newswire.enrich.pipeline.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Merges mentions into one entry per real-world entity:
 * <ol>
 *   <li>strips titles ({@code titles.txt}), a leading "the" and possessives ("Trump's" to "Trump"),
 *       moving the span start/end so spans still cover exactly the name;</li>
 *   <li>maps alias-table names to their canonical form ("U.S.", "America" to United States);</li>
 *   <li>surname rule: a one-word mention joins the full name of a person ending (or starting)
 *       with that word ("Trump" to Donald Trump), whatever type the tagger gave the lone word;</li>
 *   <li>the type of the merged entity is the majority over its mentions (the alias table's type
 *       wins for names it knows).</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class AliasMerger {

    public static final String TITLES_RESOURCE = "/dev/newswire/enrich/pipeline/entities/titles.txt";
    private static final Pattern POSSESSIVE = Pattern.compile("(?:'s|')$");

    /** An entity before scoring: canonical name, type, the surface forms seen, and its mentions. */
    public record Cluster(String name, String type, List<String> aliases, List<Mention> mentions) {
    }

    private final AliasTable table;
    private final List<String> titles;

    public AliasMerger(AliasTable table) {
        this(table, loadTitles());
    }

    public AliasMerger(AliasTable table, List<String> titles) {
        this.table = table;
        List<String> sorted = new ArrayList<>(titles);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.titles = List.copyOf(sorted);
    }

    public List<Cluster> merge(List<Mention> raw) {
        List<Mention> mentions = new ArrayList<>();
        for (Mention m : raw) {
            Mention n = normalize(m);
            if (n != null) {
                mentions.add(n);
            }
        }
        // key -> mentions; keys are canonical names (lower-cased) after alias table and surname rule.
        Map<String, List<Mention>> groups = new LinkedHashMap<>();
        Map<String, String> bySurname = personNameParts(mentions, true);
        Map<String, String> byFirstName = personNameParts(mentions, false);
        for (Mention m : mentions) {
            groups.computeIfAbsent(key(m, bySurname, byFirstName), k -> new ArrayList<>()).add(m);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<Mention> group : groups.values()) {
            for (List<Mention> part : byTypeWhenSplit(group)) {
                clusters.add(cluster(part));
            }
        }
        return clusters;
    }

    private String key(Mention m, Map<String, String> bySurname, Map<String, String> byFirstName) {
        String canonical = table.canonical(m.surface()).orElse(null);
        if (canonical != null) {
            return canonical.toLowerCase(Locale.ROOT);
        }
        String lower = m.surface().toLowerCase(Locale.ROOT);
        if (!m.surface().contains(" ")) {
            String full = bySurname.get(m.surface());
            // A lone first name only joins when the tagger also thought it was a person.
            if (full == null && m.type().equals("PERSON")) {
                full = byFirstName.get(m.surface());
            }
            if (full != null) {
                return full.toLowerCase(Locale.ROOT);
            }
        }
        return lower;
    }

    /**
     * Surname (or first name) of every multi-word PERSON mention, mapped to the most frequent full
     * name carrying it; a word shared by two people goes to the more frequent one.
     */
    private static Map<String, String> personNameParts(List<Mention> mentions, boolean surname) {
        Map<String, Integer> fullNameCounts = new HashMap<>();
        for (Mention m : mentions) {
            if (m.type().equals("PERSON") && m.surface().contains(" ")) {
                fullNameCounts.merge(m.surface(), 1, Integer::sum);
            }
        }
        List<String> fullNames = new ArrayList<>(fullNameCounts.keySet());
        // Frequent, then longer, then alphabetical: deterministic for the same input.
        fullNames.sort(Comparator.<String>comparingInt(fullNameCounts::get).reversed()
                .thenComparing(Comparator.comparingInt(String::length).reversed())
                .thenComparing(Comparator.naturalOrder()));
        Map<String, String> parts = new HashMap<>();
        for (String full : fullNames) {
            String[] words = full.split(" ");
            parts.putIfAbsent(surname ? words[words.length - 1] : words[0], full);
        }
        return parts;
    }

    private static final int MIN_TYPES_TO_SPLIT = 2;
    /** Mentions of each type needed to split a name written in mixed case. */
    static final int MIN_MENTIONS_PER_TYPE = 2;
    /**
     * The same for a name written in capitals (wire headlines, result tables, schedules, datelines):
     * there the type in context is the better guess, so "DETROIT" in "KANSAS CITY AT DETROIT" (the
     * venue, a place) is not made the team of the rest of the table. CoNLL-2003 dev F1 through the API
     * 0.9343 with 2 for all, 0.9351 with 1 for capitals only (1 for all: 0.9343, and a lone CRF slip
     * such as "Hamas" typed LOCATION once in a web article would become an entity of its own).
     */
    static final int MIN_MENTIONS_PER_TYPE_IN_CAPITALS = 1;

    /**
     * One name written the same way but typed differently is one entity per type: "New York" the
     * city and the team in one sports report, "Magna" the company among people, "DETROIT" the venue
     * and the team. Forcing the majority type on every mention cost CoNLL-2003 dev F1. Names of the
     * alias table and groups joined by the surname rule (a lone "Trump" typed ORG) stay one entity;
     * so do spellings that differ in case ("MILAN" in a dateline and "Milan" the club: splitting
     * those gained 3 places and lost 4 ALL-CAPS headline teams on dev).
     */
    private List<List<Mention>> byTypeWhenSplit(List<Mention> group) {
        String surface = group.get(0).surface();
        boolean sameSurface = group.stream().allMatch(m -> m.surface().equals(surface));
        if (!sameSurface || table.canonical(surface).isPresent()) {
            return List.of(group);
        }
        Map<String, List<Mention>> byType = new LinkedHashMap<>();
        for (Mention m : group) {
            byType.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m);
        }
        int min = allCaps(surface) ? MIN_MENTIONS_PER_TYPE_IN_CAPITALS : MIN_MENTIONS_PER_TYPE;
        if (byType.size() < MIN_TYPES_TO_SPLIT || byType.values().stream().anyMatch(l -> l.size() < min)) {
            return List.of(group);
        }
        return new ArrayList<>(byType.values());
    }

    private static boolean allCaps(String s) {
        return s.codePoints().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
    }

    private Cluster cluster(List<Mention> group) {
        Map<String, Integer> typeVotes = new LinkedHashMap<>();
        Map<String, Integer> surfaceCounts = new LinkedHashMap<>();
        for (Mention m : group) {
            typeVotes.merge(m.type(), 1, Integer::sum);
            surfaceCounts.merge(m.surface(), 1, Integer::sum);
        }
        String first = group.get(0).surface();
        String canonical = table.canonical(first).orElse(null);
        String type = canonical != null ? table.typeOf(first).orElseThrow() : majority(typeVotes);
        String name = canonical != null ? canonical : bestName(surfaceCounts, type);
        Set<String> aliases = new LinkedHashSet<>(surfaceCounts.keySet());
        aliases.remove(name);
        List<Mention> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparingInt(Mention::start));
        return new Cluster(name, type, List.copyOf(aliases), sorted);
    }

    /** Most votes; ties go to the type seen first (mentions are in text order). */
    private static String majority(Map<String, Integer> votes) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** People: the longest full name; others: the most frequent form, then the longest. */
    private static String bestName(Map<String, Integer> surfaceCounts, String type) {
        Comparator<Map.Entry<String, Integer>> order = type.equals("PERSON")
                ? Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getKey().split(" ").length).reversed()
                        .thenComparing(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed())
                : Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getKey().length()).reversed());
        return surfaceCounts.entrySet().stream().sorted(order.thenComparing(Map.Entry::getKey)).findFirst().orElseThrow().getKey();
    }

    /** Strips titles, "the" and possessives; null when nothing name-like is left. */
    Mention normalize(Mention m) {
        String s = m.surface();
        int start = m.start();
        int end = m.end();
        boolean changed = true;
        while (changed) {
            changed = false;
            String prefix = leadingTitle(s);
            // "Queen of South", "Queen's Park": a title is stripped only from before a name
            if (prefix != null && (prefix.length() >= s.length() || !Character.isUpperCase(s.codePointAt(prefix.length())))) {
                prefix = null;
            }
            if (prefix != null) {
                start += prefix.length();
                s = s.substring(prefix.length());
                changed = true;
            }
        }
        var possessive = POSSESSIVE.matcher(s);
        if (possessive.find() && possessive.start() > 0) {
            end -= s.length() - possessive.start();
            s = s.substring(0, possessive.start());
        }
        String trimmed = s.strip();
        int lead = s.indexOf(trimmed);
        start += lead;
        end -= s.length() - lead - trimmed.length();
        s = trimmed;
        if (s.length() < 2 || !s.codePoints().anyMatch(Character::isUpperCase)) {
            return null;
        }
        return new Mention(start, end, s, m.type(), m.inTitle());
    }

    private String leadingTitle(String s) {
        if (s.startsWith("the ") || s.startsWith("The ")) {
            return s.substring(0, 4);
        }
        for (String title : titles) {
            if (s.startsWith(title + " ") && s.length() > title.length() + 1) {
                return s.substring(0, title.length() + 1);
            }
        }
        return null;
    }

    static List<String> loadTitles() {
        try (InputStream in = AliasMerger.class.getResourceAsStream(TITLES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TITLES_RESOURCE);
            }
            List<String> titles = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    titles.add(line.strip());
                }
            }
            return titles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
