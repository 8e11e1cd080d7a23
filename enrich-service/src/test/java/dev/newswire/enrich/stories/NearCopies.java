package dev.newswire.enrich.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Near copies of an article with edits of known size, for the near-duplicate measures (issue 11):
 * the copies a wire or aggregator makes (rewritten or dropped sentences, boilerplate, reordered
 * paragraphs; a new headline leaves the text as it is, and the title is not part of the signature).
 * Deterministic: the same text and seed give the same copies.
 */
final class NearCopies {

    /** One kind and size of edit; {@code size} sentences (0 for boilerplate and reordering). */
    record Edit(String kind, int size) {
        String label() {
            return size == 0 ? kind : kind + " " + size;
        }
    }

    static final List<Edit> EDITS = List.of(new Edit("headline", 0), new Edit("boilerplate", 0), new Edit("reorder", 0),
            new Edit("rewrite", 1), new Edit("rewrite", 2), new Edit("rewrite", 3), new Edit("drop", 1), new Edit("drop", 2),
            new Edit("rewrite+boilerplate", 2));

    /** Sentences a rewrite puts in: news-like, but about nothing in particular. */
    private static final String[] REWRITES = {
        "Officials said on Sunday that the matter had been under review for several weeks.",
        "The decision followed months of talks between the parties, according to people familiar with the discussions.",
        "A spokesperson declined to comment further when contacted by telephone late on Friday.",
        "Analysts said the move had been widely expected and would have little immediate effect.",
        "Further details are expected to be released at a press conference later this week.",
        "Critics questioned the timing of the announcement, which came just days before the deadline.",
    };
    private static final String BOILERPLATE_HEAD = "(Newswire) - ";
    private static final String BOILERPLATE_TAIL = "\n\nReporting by staff; editing by the news desk. "
            + "Sign up for our daily briefing to get the top stories in your inbox every morning. All rights reserved.";

    private NearCopies() {
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.trim().split("(?<=[.!?][\"”’)]?)\\s+")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** The copy of {@code text} with the edit, or null when the text has too few sentences for it. */
    static String copy(String text, Edit edit, long seed) {
        List<String> s = sentences(text);
        SplittableRandom random = new SplittableRandom(seed);
        switch (edit.kind()) {
            case "headline":
                return text;
            case "boilerplate":
                return BOILERPLATE_HEAD + text + BOILERPLATE_TAIL;
            case "reorder": {
                if (s.size() < 4) {
                    return null;
                }
                int half = s.size() / 2;
                List<String> moved = new ArrayList<>(s.subList(half, s.size()));
                moved.addAll(s.subList(0, half));
                return String.join(" ", moved);
            }
            case "rewrite", "rewrite+boilerplate": {
                if (s.size() < 2 * edit.size() + 2) {
                    return null;
                }
                for (int i : positions(s.size(), edit.size(), random)) {
                    s.set(i, REWRITES[random.nextInt(REWRITES.length)]);
                }
                String out = String.join(" ", s);
                return edit.kind().endsWith("boilerplate") ? BOILERPLATE_HEAD + out + BOILERPLATE_TAIL : out;
            }
            case "drop": {
                if (s.size() < 2 * edit.size() + 2) {
                    return null;
                }
                List<Integer> drop = positions(s.size(), edit.size(), random);
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    if (!drop.contains(i)) {
                        kept.add(s.get(i));
                    }
                }
                return String.join(" ", kept);
            }
            default:
                throw new IllegalArgumentException(edit.kind());
        }
    }

    /** {@code k} distinct sentence positions, spread over the text. */
    private static List<Integer> positions(int n, int k, SplittableRandom random) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        List<Integer> picked = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            picked.add(all.remove(random.nextInt(all.size())));
        }
        return picked;
    }

    /** Precision and recall counts per edit label (and "all"), filled by a measure. */
    static final class Tally {
        final Map<String, int[]> positives = new TreeMap<>();
        int truePositives;
        int falseNegatives;
        int falsePositives;
        int negatives;
        final Map<String, int[]> falsePositivesByKind = new TreeMap<>();

        void positive(String label, boolean found) {
            int[] c = positives.computeIfAbsent(label, l -> new int[2]);
            c[0]++;
            if (found) {
                c[1]++;
                truePositives++;
            } else {
                falseNegatives++;
            }
        }

        void negative(String kind, boolean found) {
            int[] c = falsePositivesByKind.computeIfAbsent(kind, l -> new int[2]);
            c[0]++;
            negatives++;
            if (found) {
                c[1]++;
                falsePositives++;
            }
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        String report() {
            StringBuilder out = new StringBuilder(String.format("precision %.3f recall %.3f (%d positive pairs, %d negative pairs)%n",
                    precision(), recall(), truePositives + falseNegatives, negatives));
            positives.forEach((label, c) -> out.append(String.format("  recall %-22s %.3f (%d/%d)%n", label, (double) c[1] / c[0], c[1], c[0])));
            falsePositivesByKind.forEach((kind, c) -> out.append(String.format("  false positives, %-16s %d of %d%n", kind, c[1], c[0])));
            return out.toString();
        }
    }
}
