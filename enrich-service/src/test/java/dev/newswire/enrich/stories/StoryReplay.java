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
 * [anchor penalty,...].
 */
public final class StoryReplay {

    private static final ObjectMapper JSON = NewsJson.mapper();

    public static void main(String[] args) throws IOException {
        Map<String, List<ObjectNode>> byVariant = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            byVariant.computeIfAbsent(node.path("_variant").asText("-"), v -> new ArrayList<>()).add(node);
        }
        String[] thresholds = (args.length > 1 ? args[1] : "0.20,0.25,0.30,0.35,0.40,0.45,0.50").split(",");
        String[] merges = (args.length > 2 ? args[2] : "0.45").split(",");
        String[] weights = (args.length > 3 ? args[3] : "0").split(",");
        String[] floors = (args.length > 4 ? args[4] : "0.3").split(",");
        String[] bonuses = (args.length > 5 ? args[5] : "0").split(",");
        String[] penalties = (args.length > 6 ? args[6] : "0").split(",");
        if (!"0".equals(String.join("", weights))) {
            embedAll(byVariant, Path.of(args[0] + ".embeddings"));
        }
        for (String w : weights) {
          for (String fl : floors) {
           for (String bonus : bonuses) {
            for (String penalty : penalties) {
                for (String t : thresholds) {
                    for (String m : merges) {
                        double threshold = Double.parseDouble(t);
                        double merge = Math.max(threshold, Double.parseDouble(m));
                        StringBuilder line = new StringBuilder(String.format("weight %.2f floor %.2f threshold %.2f merge %.2f bonus %.2f penalty %.2f:",
                                Double.parseDouble(w), Double.parseDouble(fl), threshold, merge, Double.parseDouble(bonus), Double.parseDouble(penalty)));
                        double sumF = 0;
                        double minP = 1;
                        for (Map.Entry<String, List<ObjectNode>> variant : byVariant.entrySet()) {
                            double[] prf = replay(variant.getValue(), new StoryAssigner.Rules(threshold, merge, 0.5,
                                    Duration.ofHours(36), Duration.ofDays(3), 50, Double.parseDouble(w), Double.parseDouble(fl),
                                    Double.parseDouble(bonus), Double.parseDouble(penalty)));
                            sumF += prf[2];
                            minP = Math.min(minP, prf[0]);
                            line.append(String.format("  %s P %.3f R %.3f F1 %.3f", variant.getKey(), prf[0], prf[1], prf[2]));
                        }
                        System.out.println(line.append(String.format("  | mean F1 %.3f min P %.3f", sumF / byVariant.size(), minP)));
                    }
                }
            }
           }
          }
        }
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

    static double[] replay(List<ObjectNode> nodes, StoryAssigner.Rules rules) throws IOException {
        List<ObjectNode> ordered = new ArrayList<>(nodes);
        ordered.sort(Comparator.comparing((ObjectNode n) -> n.path("publishedAt").asText()).thenComparing(n -> n.path("id").asText()));
        MapTable<StoryState> stories = new MapTable<>();
        StoryAssigner assigner = new StoryAssigner(stories, new MapTable<>(), rules);
        Map<String, String> predicted = new LinkedHashMap<>();
        Map<String, String> gold = new LinkedHashMap<>();
        for (ObjectNode node : ordered) {
            String doc = node.path("_doc").asText();
            JsonNode clean = node.deepCopy().without(List.of("_doc", "_variant", "storyId", "duplicateOf"));
            ArticleFeatures features = ArticleFeatures.of(JSON.treeToValue(clean, EnrichedArticle.class), EMBEDDINGS.get(node));
            String story = assigner.assign(features).storyId();
            predicted.put(features.id(), story);
            gold.put(features.id(), doc.substring(0, doc.indexOf('_')) + (doc.endsWith("ecbplus") ? "+" : ""));
        }
        predicted.replaceAll((id, story) -> assigner.resolve(story));
        return BCubed.score(predicted, gold);
    }
}
