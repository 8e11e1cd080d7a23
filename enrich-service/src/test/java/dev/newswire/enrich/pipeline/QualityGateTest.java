package dev.newswire.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.Entity;
import dev.newswire.model.RawArticle;
import dev.newswire.model.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression gate for enrichment quality (issue 10): a small fixed slice per measure, written for
 * this project (src/test/resources/quality; no third-party data), run through the whole standard
 * pipeline. Thresholds sit a few points under what the slice measured when it was written, so a
 * change that breaks quality fails the build. The full figures on public data come from
 * bench/quality/run.sh (docs/benchmarks.md).
 */
class QualityGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Pipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = Pipeline.standard(new SentenceEmbedder(), Pipeline.Settings.DEFAULTS);
    }

    private static Document run(String title, String body) {
        return pipeline.run(new RawArticle("gate", "gate", null, title, body, RawArticle.TEXT_PLAIN, null, Instant.EPOCH, null));
    }

    private static List<JsonNode> slice(String name) throws IOException {
        try (InputStream in = QualityGateTest.class.getResourceAsStream("/quality/" + name)) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** PER/ORG/LOC names (surface and type) from every line of the text and the title: tables, lists, datelines included. */
    @Test
    void entitiesFromEveryLineAndTheTitle() throws IOException {
        Map<String, String> types = Map.of("PERSON", "PER", "ORGANIZATION", "ORG", "LOCATION", "LOC");
        int correct = 0;
        int predicted = 0;
        int gold = 0;
        List<String> emptyDocuments = new ArrayList<>();
        for (JsonNode item : slice("ner.jsonl")) {
            Document d = run(text(item.get("title")), item.get("body").asText());
            assertThat(d.language()).as(item.get("body").asText()).isEqualTo("en");
            Set<String> expected = new HashSet<>();
            item.get("gold").forEach(g -> {
                if (!g.get(1).asText().equals("MISC")) {
                    expected.add(g.get(0).asText() + "/" + g.get(1).asText());
                }
            });
            Set<String> found = new HashSet<>();
            for (Entity e : d.entities()) {
                String type = types.get(e.type().name());
                if (type == null) {
                    continue;
                }
                for (Span s : e.spans()) {
                    found.add(d.text().substring(s.start(), s.end()) + "/" + type);
                }
                for (Span s : e.titleSpans()) {
                    found.add(d.title().substring(s.start(), s.end()) + "/" + type);
                }
            }
            if (found.isEmpty()) {
                emptyDocuments.add(item.get("body").asText());
            }
            Set<String> hit = new HashSet<>(found);
            hit.retainAll(expected);
            correct += hit.size();
            predicted += found.size();
            gold += expected.size();
        }
        double f1 = 2.0 * correct / (predicted + gold);
        System.out.printf(Locale.ROOT, "quality gate NER: F1 %.3f (%d correct, %d predicted, %d gold)%n", f1, correct, predicted, gold);
        assertThat(emptyDocuments).isEmpty();
        assertThat(f1).isGreaterThanOrEqualTo(NER_F1_FLOOR);
    }

    /** Every short English item gets a tag, and its top tag is the expected section. */
    @Test
    void everyShortItemIsTaggedWithItsSection() throws IOException {
        int agree = 0;
        List<String> untagged = new ArrayList<>();
        List<JsonNode> items = slice("tags.jsonl");
        for (JsonNode item : items) {
            Document d = run(item.get("title").asText(), item.get("body").asText());
            if (d.tags().isEmpty()) {
                untagged.add(item.get("title").asText());
            } else if (d.tags().get(0).id().split("/")[0].equals(item.get("tag").asText())) {
                agree++;
            }
        }
        double agreement = (double) agree / items.size();
        System.out.printf(Locale.ROOT, "quality gate tags: top tag agreement %.3f, untagged %s%n", agreement, untagged);
        assertThat(untagged).isEmpty();
        assertThat(agreement).isGreaterThanOrEqualTo(TAG_AGREEMENT_FLOOR);
    }

    /** About 60 words, never longer than the text, no headline repeat, no torn quote, close to Lead-3 on highlights that paraphrase the lead. */
    @Test
    void summariesAreShortLeadAwareAndBeatLead3() throws IOException {
        double ours = 0;
        double lead = 0;
        List<JsonNode> items = slice("summary.jsonl");
        for (JsonNode item : items) {
            Document d = run(item.get("title").asText(), item.get("body").asText());
            String summary = d.summary();
            assertThat(summary).isNotBlank();
            assertThat(words(summary)).isLessThanOrEqualTo(Math.min(75, words(d.text())));
            assertThat(summary).doesNotContain("\"We have worked", "Now the water is gone", "biggest investment in our history");
            assertThat(summary.toLowerCase(Locale.ROOT)).doesNotStartWith(d.title().toLowerCase(Locale.ROOT));
            String reference = item.get("highlights").asText();
            String lead3 = String.join(" ", d.proseSentences().stream().limit(3).map(Sentence::text).toList());
            ours += rouge1(summary, reference);
            lead += rouge1(lead3, reference);
        }
        ours /= items.size();
        lead /= items.size();
        System.out.printf(Locale.ROOT, "quality gate summary: ROUGE-1 %.3f, Lead-3 %.3f%n", ours, lead);
        // measured when written: 0.579 against Lead-3 0.593 (these highlights paraphrase the lead closely)
        assertThat(ours).isGreaterThanOrEqualTo(lead - 0.03);
        assertThat(ours).isGreaterThanOrEqualTo(SUMMARY_ROUGE1_FLOOR);
    }

    // measured when written: NER F1 0.940, tag agreement 0.90 (0 untagged), summary ROUGE-1 0.579;
    // NER 0.949 after the issue-10 follow-up (first names kept at name edges, "U.N.", Title Case lines);
    // 0.977 after the third pass (hyphenated names, initials in score lines, datelines, coordinated
    // names, capitals keeping their type in context): floor raised from 0.92 to 0.95
    static final double NER_F1_FLOOR = 0.95;
    static final double TAG_AGREEMENT_FLOOR = 0.85;
    static final double SUMMARY_ROUGE1_FLOOR = 0.55;

    private static int words(String s) {
        return s.strip().split("\\s+").length;
    }

    /** ROUGE-1 F1 on lower-cased letter/digit tokens (as bench/quality and the Rouge class in the bench package). */
    static double rouge1(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        Map<String, Integer> counts = new HashMap<>();
        r.forEach(w -> counts.merge(w, 1, Integer::sum));
        int overlap = 0;
        for (String w : c) {
            if (counts.getOrDefault(w, 0) > 0) {
                overlap++;
                counts.merge(w, -1, Integer::sum);
            }
        }
        if (overlap == 0) {
            return 0;
        }
        double p = (double) overlap / c.size();
        double rc = (double) overlap / r.size();
        return 2 * p * rc / (p + rc);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
