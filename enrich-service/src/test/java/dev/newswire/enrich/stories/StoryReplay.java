package dev.newswire.enrich.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.NewsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.enrich.pipeline.tags.TopicTagger;

/**
 * Offline tuning aid for bench/stories (issue 11): replays enriched articles that the api returned
 * (bench-data/stories/enriched-&lt;split&gt;.jsonl, written by {@code stories.py run}) through
 * {@link StoryAssigner} on map tables, in the order they were posted, with a grid of thresholds, and
 * prints B-cubed P/R/F1 against the ECB+ gold event of each document ({@code _doc}: topic + ecb/ecbplus).
 * The pipeline's output is deterministic, so only the story step's settings vary; the reported
 * figures still come from the run through the api. The public records carry no embedding (it stays
 * on the pending record), so the replay embeds each article's title and first
 * {@link TopicTagger#LEAD_WORDS} words of text with the same MiniLM, which is what the tags stage
 * embeds up to how the lead's words are picked (prose sentences there, the plain text here).
 * Args: file [threshold,...] [merge,...] [embedding weight,...] [embedding floor,...] [anchor bonus,...]
 * [anchor penalty,...] [story-merge threshold,...] [story-merge floor,...] [story-merge max size,...].
 * {@code -Dreplay.embeddings=FILE} uses the embeddings the story step itself saw and
 * {@code -Dreplay.order=FILE} its order ({@link PendingDump} reads both from a run's pending topic): the
 * replay then gives the api run's own assignment (it prints how many raw storyIds differ from the dump's).
 */
public final class StoryReplay {

    private static final ObjectMapper JSON = NewsJson.mapper();

    public static void main(String[] args) throws IOException {
        Map<String, List<ObjectNode>> byVariant = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            byVariant.computeIfAbsent(node.path("_variant").asText("-"), v -> new ArrayList<>()).add(node);
        }
        // Grid axes in order: threshold, merge, embedding weight, floor, anchor bonus, anchor penalty,
        // story-merge threshold (0: the second pass off), story-merge floor, story-merge max size.
        String[] defaults = {"0.20,0.25,0.30,0.35,0.40,0.45,0.50", "0.45", "0", "0.3", "0", "0", "0", "1", "3"};
        List<double[]> axes = new ArrayList<>();
        for (int i = 0; i < defaults.length; i++) {
            axes.add(java.util.Arrays.stream((args.length > i + 1 ? args[i + 1] : defaults[i]).split(","))
                    .mapToDouble(Double::parseDouble).toArray());
        }
        if (java.util.Arrays.stream(axes.get(2)).anyMatch(w -> w > 0)) {
            embedAll(byVariant, Path.of(args[0] + ".embeddings"));
        }
        for (double[] p : grid(axes)) {
            double threshold = p[0];
            double merge = Math.max(threshold, p[1]);
            StringBuilder line = new StringBuilder(String.format("weight %.2f floor %.2f threshold %.2f merge %.2f bonus %.2f penalty %.2f smerge %.2f sfloor %.2f smax %.0f:",
                    p[2], p[3], threshold, merge, p[4], p[5], p[6], p[7], p[8]));
            double sumF = 0;
            double minP = 1;
            for (Map.Entry<String, List<ObjectNode>> variant : byVariant.entrySet()) {
                double[] prf = replay(variant.getValue(), new StoryAssigner.Rules(threshold, merge, 0.5,
                        Duration.ofHours(36), Duration.ofDays(3), 50, p[2], p[3], p[4], p[5], p[6], p[7], (int) p[8]));
                sumF += prf[2];
                minP = Math.min(minP, prf[0]);
                line.append(String.format("  %s P %.3f R %.3f F1 %.3f", variant.getKey(), prf[0], prf[1], prf[2]));
            }
            System.out.println(line.append(String.format("  | mean F1 %.3f min P %.3f", sumF / byVariant.size(), minP)));
        }
    }

    /** Every combination of the axes' values, the last axis varying slowest (as the grids were printed). */
    private static List<double[]> grid(List<double[]> axes) {
        List<double[]> out = new ArrayList<>();
        out.add(new double[axes.size()]);
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<double[]> next = new ArrayList<>();
            for (double[] partial : out) {
                for (double v : axes.get(a)) {
                    double[] p = partial.clone();
                    p[a] = v;
                    next.add(p);
                }
            }
            out = next;
        }
        return out;
    }

    private static final Map<ObjectNode, byte[]> EMBEDDINGS = new java.util.IdentityHashMap<>();

    /** Embeds every article once (title + lead, as the tags stage does), in the int8 form the pending record carries. */
    @SuppressWarnings("unchecked")
    private static void embedAll(Map<String, List<ObjectNode>> byVariant, Path cache) throws IOException {
        // Embedding is what a replay costs: kept beside the dump (git-ignored bench-data) for the next grid.
        HashMap<String, byte[]> byText = new HashMap<>();
        if (Files.exists(cache)) {
            try (var in = new java.io.ObjectInputStream(Files.newInputStream(cache))) {
                byText = (HashMap<String, byte[]>) in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
        String seen = System.getProperty("replay.embeddings");
        if (seen != null) {
            // The embeddings the story step itself saw (PendingDump: the pending topic's headers), by article id.
            HashMap<String, byte[]> byId;
            try (var in = new java.io.ObjectInputStream(Files.newInputStream(Path.of(seen)))) {
                byId = (HashMap<String, byte[]>) in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
            int missing = 0;
            for (List<ObjectNode> nodes : byVariant.values()) {
                for (ObjectNode node : nodes) {
                    byte[] e = byId.get(node.path("id").asText());
                    if (e == null) {
                        missing++;
                    }
                    EMBEDDINGS.put(node, e);
                }
            }
            System.out.println("embeddings as the story step saw them; missing: " + missing);
            return;
        }
        int before = byText.size();
        SentenceEmbedder[] embedder = new SentenceEmbedder[1];
        for (List<ObjectNode> nodes : byVariant.values()) {
            for (ObjectNode node : nodes) {
                String text = embeddedText(node.path("title").asText(null), node.path("text").asText(""));
                EMBEDDINGS.put(node, byText.computeIfAbsent(text, x -> {
                    if (embedder[0] == null) {
                        embedder[0] = new SentenceEmbedder();
                    }
                    return PendingEmbedding.encode(embedder[0].embed(x.isEmpty() ? " " : x));
                }));
            }
        }
        if (byText.size() > before) {
            try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(cache))) {
                out.writeObject(byText);
            }
        }
    }

    static String embeddedText(String title, String text) {
        String[] words = text.strip().split("\\s+");
        String lead = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, TopicTagger.LEAD_WORDS)));
        return ((title == null ? "" : title + ". ") + lead).strip();
    }

    static final int[] DIFF = new int[1];

    static double[] replay(List<ObjectNode> nodes, StoryAssigner.Rules rules) throws IOException {
        List<ObjectNode> ordered = new ArrayList<>(nodes);
        ordered.sort(Comparator.comparing((ObjectNode n) -> n.path("publishedAt").asText()).thenComparing(n -> n.path("id").asText()));
        String orderFile = System.getProperty("replay.order");
        if (orderFile != null) {
            List<String> ids = Files.readAllLines(Path.of(orderFile));
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                at.putIfAbsent(ids.get(i), i);
            }
            ordered.sort(Comparator.comparing((ObjectNode n) -> at.getOrDefault(n.path("id").asText(), Integer.MAX_VALUE)));
        }
        MapTable<StoryState> stories = new MapTable<>();
        StoryAssigner assigner = new StoryAssigner(stories, new MapTable<>(), rules);
        Map<String, String> predicted = new LinkedHashMap<>();
        Map<String, String> gold = new LinkedHashMap<>();
        for (ObjectNode node : ordered) {
            String doc = node.path("_doc").asText();
            JsonNode clean = node.deepCopy().without(List.of("_doc", "_variant", "storyId", "duplicateOf"));
            ArticleFeatures features = ArticleFeatures.of(JSON.treeToValue(clean, EnrichedArticle.class), EMBEDDINGS.get(node));
            String story = assigner.assign(features).storyId();
            if (!story.equals(node.path("storyId").asText())) {
                DIFF[0]++;
            }
            predicted.put(features.id(), story);
            gold.put(features.id(), doc.substring(0, doc.indexOf('_')) + (doc.endsWith("ecbplus") ? "+" : ""));
        }
        System.out.println("raw storyId differing from the api's: " + DIFF[0] + " of " + ordered.size());
        DIFF[0] = 0;
        predicted.replaceAll((id, story) -> assigner.resolve(story));
        return BCubed.score(predicted, gold);
    }
}
