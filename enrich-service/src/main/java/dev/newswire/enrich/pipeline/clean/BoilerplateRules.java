package dev.newswire.enrich.pipeline.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The boilerplate rules from {@code boilerplate-rules.txt} (documented in that file). Immutable
 * and thread-safe once loaded.
 */
public record BoilerplateRules(
        List<Pattern> dropLines,
        List<Pattern> dropSections,
        List<Pattern> dropTails,
        List<Pattern> bylines,
        List<String> htmlDropSelectors,
        Set<String> htmlDropTokens) {

    public static final String RESOURCE = "/dev/newswire/enrich/pipeline/clean/boilerplate-rules.txt";

    public BoilerplateRules {
        dropLines = List.copyOf(dropLines);
        dropSections = List.copyOf(dropSections);
        dropTails = List.copyOf(dropTails);
        bylines = List.copyOf(bylines);
        htmlDropSelectors = List.copyOf(htmlDropSelectors);
        htmlDropTokens = Set.copyOf(htmlDropTokens);
    }

    /** The rules shipped with the service. */
    public static BoilerplateRules defaults() {
        try (InputStream in = BoilerplateRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BoilerplateRules parse(String rulesText) {
        List<Pattern> lines = new ArrayList<>();
        List<Pattern> sections = new ArrayList<>();
        List<Pattern> tails = new ArrayList<>();
        List<Pattern> bylines = new ArrayList<>();
        List<String> selectors = new ArrayList<>();
        Set<String> tokens = new TreeSet<>();
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(rulesText))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int space = t.indexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("rule without value at line " + lineNo + ": " + t);
                }
                String kind = t.substring(0, space);
                String value = t.substring(space + 1).strip();
                switch (kind) {
                    case "drop-line" -> lines.add(Pattern.compile(value));
                    case "drop-section" -> sections.add(Pattern.compile(value));
                    case "drop-tail" -> tails.add(Pattern.compile(value));
                    case "byline" -> bylines.add(Pattern.compile(value));
                    case "html-drop" -> selectors.add(value);
                    case "html-drop-token" -> {
                        for (String token : value.split("\\s+")) {
                            tokens.add(token.toLowerCase(Locale.ROOT));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown rule kind '" + kind + "' at line " + lineNo);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BoilerplateRules(lines, sections, tails, bylines, selectors, tokens);
    }

    static boolean anyMatches(List<Pattern> patterns, String line) {
        for (Pattern p : patterns) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }
}
