package dev.newswire.enrich.stories;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.NewsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Near-duplicate precision/recall on constructed pairs of public articles (bench/stories/run-dups.sh):
 * reads {@code {id, group, text}} lines (bench-data/stories/dups-docs.jsonl: Reuters-21578 articles,
 * group = topic label) and measures every edit of {@link NearCopies#EDITS} against up to
 * {@code negatives} other articles per article (same topic first: the hard negatives).
 * Args: file [duplicate-threshold,...] [negatives per article]; or {@code --emit file out n}: writes the
 * pairs of the first n articles ({@code {first, second, label, copy}}: one of each edit, one negative of
 * the same topic, one of another) for {@code stories.py dups}, which posts them through the api.
 */
public final class NearDuplicateEval {

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--emit")) {
            emit(read(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        List<NearDuplicateMeasure.Doc> docs = read(args[0]);
        int negatives = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        for (String t : (args.length > 1 ? args[1] : "0.5").split(",")) {
            StoryAssigner.Rules rules = new StoryAssigner.Rules(0.35, 0.60, Double.parseDouble(t), Duration.ofHours(36),
                    Duration.ofDays(3), 50);
            long started = System.nanoTime();
            NearCopies.Tally tally = NearDuplicateMeasure.measure(docs, rules, negatives);
            System.out.printf("duplicate-threshold %s, %d articles, %.1f s: %s", t, docs.size(), (System.nanoTime() - started) / 1e9,
                    tally.report());
        }
    }

    private static void emit(List<NearDuplicateMeasure.Doc> docs, Path out, int n) throws IOException {
        List<String> lines = new ArrayList<>();
        var json = NewsJson.mapper();
        for (int d = 0; d < n && d < docs.size(); d++) {
            NearDuplicateMeasure.Doc doc = docs.get(d);
            for (NearCopies.Edit edit : NearCopies.EDITS) {
                String copy = NearCopies.copy(doc.text(), edit, d * 31L + edit.hashCode());
                if (copy != null) {
                    lines.add(json.writeValueAsString(java.util.Map.of("first", doc.text(), "second", copy, "label", edit.label(),
                            "copy", true, "title", edit.kind().equals("headline") ? "New headline" : "")));
                }
            }
            NearDuplicateMeasure.Doc same = null;
            NearDuplicateMeasure.Doc other = null;
            for (int o = n; o < docs.size() && (same == null || other == null); o++) {
                if (docs.get(o).group().equals(doc.group()) && same == null) {
                    same = docs.get(o);
                } else if (!docs.get(o).group().equals(doc.group()) && other == null) {
                    other = docs.get(o);
                }
            }
            for (NearDuplicateMeasure.Doc neg : java.util.Arrays.asList(same, other)) {
                if (neg != null) {
                    lines.add(json.writeValueAsString(java.util.Map.of("first", doc.text(), "second", neg.text(),
                            "label", neg == same ? "same topic" : "other topic", "copy", false, "title", "")));
                }
            }
        }
        Files.write(out, lines);
        System.out.println("wrote " + lines.size() + " pairs to " + out);
    }

    private static List<NearDuplicateMeasure.Doc> read(String file) throws IOException {
        List<NearDuplicateMeasure.Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            JsonNode n = NewsJson.mapper().readTree(line);
            docs.add(new NearDuplicateMeasure.Doc(n.get("id").asText(), n.get("group").asText(), n.get("text").asText()));
        }
        return docs;
    }
}
