package dev.newswire.enrich.pipeline.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Document-level post-processing of per-token NER labels. A CRF labels each sentence on its own,
 * so the same name can get different types, or none, in different sentences of one article.
 * Within one document this class:
 * <ol>
 *   <li>labels unlabelled repeats of a name that was recognised elsewhere in the document, with
 *       the type most of its recognised occurrences got;</li>
 *   <li>labels a lone surname as PERSON when the full name was recognised as a person, both when
 *       the CRF left it unlabelled and when it gave it another type.</li>
 * </ol>
 * Runs the CRF did label keep their type here: on CoNLL-2003 dev, forcing one type per surface
 * cost more than it gained (metonymy: "New York" the city and the team in one sports report).
 * One type per real-world entity is decided later, over the merged entity, by {@code AliasMerger}.
 * Also tried and dropped because they lowered CoNLL-2003 dev F1: the first word of an organisation
 * name standing for it alone, and capitalised headline words taking their mixed-case type.
 * Stateless and thread-safe.
 */
public final class LabelConsistency {

    private final AliasTable aliases;

    public LabelConsistency(AliasTable aliases) {
        this.aliases = aliases;
    }

    /** A copy of {@code labels} made consistent over the whole document. */
    public List<List<String>> apply(List<List<String>> words, List<List<String>> labels) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> l : labels) {
            out.add(new ArrayList<>(strip(l)));
        }
        Map<String, Map<String, Integer>> votes = votes(words, out);
        Map<String, String> majority = new HashMap<>();
        votes.forEach((surface, counts) -> majority.put(surface, winner(counts)));
        propagate(words, out, majority);
        relabelNameParts(words, out, majority);
        return out;
    }

    private static List<String> strip(List<String> labels) {
        List<String> s = new ArrayList<>(labels.size());
        for (String l : labels) {
            String t = TokenSpans.typeOf(l);
            s.add(t == null ? EntityRecognizer.OTHER : t);
        }
        return s;
    }

    private Map<String, Map<String, Integer>> votes(List<List<String>> words, List<List<String>> labels) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (int s = 0; s < words.size(); s++) {
            for (TokenSpans.Run run : TokenSpans.runs(labels.get(s))) {
                String surface = surface(words.get(s), run.start(), run.end());
                votes.computeIfAbsent(surface, k -> new HashMap<>()).merge(run.type(), 1, Integer::sum);
            }
        }
        return votes;
    }

    private static String winner(Map<String, Integer> counts) {
        String best = null;
        int bestCount = -1;
        boolean tie = false;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
                tie = false;
            } else if (e.getValue() == bestCount) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** Unlabelled repeats of recognised names, longest names first so "New York Times" beats "New York". */
    private void propagate(List<List<String>> words, List<List<String>> labels, Map<String, String> majority) {
        List<Map.Entry<List<String>, String>> names = new ArrayList<>();
        Map<String, String> surnames = new HashMap<>();
        majority.forEach((surface, type) -> {
            if (type == null) {
                return;
            }
            List<String> tokens = List.of(surface.split(" "));
            if (isNameLike(tokens)) {
                names.add(Map.entry(tokens, type));
            }
            if (type.equals("PERSON") && tokens.size() >= 2 && isCapitalised(tokens.get(tokens.size() - 1))) {
                surnames.put(tokens.get(tokens.size() - 1), type);
            }
        });
        surnames.forEach((surname, type) -> {
            if (!majority.containsKey(surname)) {
                names.add(Map.entry(List.of(surname), type));
            }
        });
        names.sort((a, b) -> Integer.compare(b.getKey().size(), a.getKey().size()));
        for (Map.Entry<List<String>, String> name : names) {
            List<String> tokens = name.getKey();
            for (int s = 0; s < words.size(); s++) {
                List<String> w = words.get(s);
                List<String> l = labels.get(s);
                for (int i = 0; i + tokens.size() <= w.size(); i++) {
                    if (matches(w, i, tokens) && allOther(l, i, i + tokens.size()) && standsAlone(w, l, i, i + tokens.size())) {
                        for (int k = i; k < i + tokens.size(); k++) {
                            l.set(k, name.getValue());
                        }
                    }
                }
            }
        }
    }

    /**
     * A lone word that is the surname of a person named in full elsewhere in the document is that
     * person ("MaliVai Washington" ... "Washington said"), whatever type the CRF gave the lone word
     * in its own sentence. (The same rule for the first word of organisation names cost F1 on
     * CoNLL-2003 dev, so there is none.)
     */
    private void relabelNameParts(List<List<String>> words, List<List<String>> labels, Map<String, String> majority) {
        Map<String, String> parts = new HashMap<>();
        majority.forEach((surface, type) -> {
            String[] tokens = surface.split(" ");
            if (tokens.length < 2 || type == null) {
                return;
            }
            if (type.equals("PERSON")) {
                parts.put(tokens[tokens.length - 1], "PERSON");
            }
        });
        for (int s = 0; s < words.size(); s++) {
            List<String> sent = labels.get(s);
            for (TokenSpans.Run run : TokenSpans.runs(sent)) {
                if (run.end() - run.start() != 1) {
                    continue;
                }
                String word = words.get(s).get(run.start());
                String type = parts.get(word);
                if (type != null && !type.isEmpty() && !type.equals(run.type()) && !run.type().equals("MISC")
                        && aliases.typeOf(word).isEmpty()) {
                    sent.set(run.start(), type);
                }
            }
        }
    }

    /** Not glued to other capitalised words, which would make it part of a longer, different name. */
    private static boolean standsAlone(List<String> w, List<String> l, int start, int end) {
        boolean leftFree = start <= 1 || !isCapitalised(w.get(start - 1));
        boolean rightFree = end == w.size() || !isCapitalised(w.get(end));
        return leftFree && rightFree;
    }

    private static boolean matches(List<String> words, int at, List<String> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            if (!words.get(at + k).equals(tokens.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allOther(List<String> labels, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!labels.get(i).equals(EntityRecognizer.OTHER)) {
                return false;
            }
        }
        return true;
    }

    /** Starts with a capital, and is not an all-caps headline word of 1-2 letters. */
    private static boolean isNameLike(List<String> tokens) {
        String first = tokens.get(0);
        return isCapitalised(first) && (tokens.size() > 1 || first.length() > 2);
    }

    private static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    static String surface(List<String> words, int start, int end) {
        return String.join(" ", words.subList(start, end));
    }
}
