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
 * Args: file [duplicate-threshold,...] [negatives per article].
 */
public final class NearDuplicateEval {

    public static void main(String[] args) throws IOException {
        List<NearDuplicateMeasure.Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            JsonNode n = NewsJson.mapper().readTree(line);
            docs.add(new NearDuplicateMeasure.Doc(n.get("id").asText(), n.get("group").asText(), n.get("text").asText()));
        }
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
}
