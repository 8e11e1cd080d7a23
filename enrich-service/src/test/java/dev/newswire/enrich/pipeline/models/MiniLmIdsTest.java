package dev.newswire.enrich.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.newswire.enrich.pipeline.Seeds;
import dev.newswire.enrich.pipeline.tags.TopicTagger;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-call embedding path feeds the model the very ids LangChain4j's single-text path fed it
 * (tokenise, rebuild the text from the pieces, tokenise again, encode), so the vectors are the same.
 * The texts are what the tags stage embeds (title + 60 words of prose) for every seed and every
 * quality slice item, plus shapes that stress the tokenizer.
 */
class MiniLmIdsTest {

    private static MiniLmModel model;
    private static SentenceEmbedder embedder;
    private static HuggingFaceTokenizer tokenizer;
    private static List<String> texts;

    @BeforeAll
    static void load() throws Exception {
        embedder = new SentenceEmbedder();
        model = new MiniLmModel();
        try (InputStream json = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        }
        texts = new ArrayList<>();
        for (Path seed : Seeds.all()) {
            texts.add(TopicTagger.embeddedText(Seeds.prepared(seed)));
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String slice : List.of("tags", "summary", "ner")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/quality/" + slice + ".jsonl"))) {
                JsonNode item = mapper.readTree(line);
                String title = item.hasNonNull("title") ? item.get("title").asText() : null;
                texts.add(TopicTagger.embeddedText(Seeds.prepared(item.get("body").asText(), title)));
            }
        }
        texts.addAll(List.of(
                "Hi", ".", "Zürich's Société Générale branch — café owners' €2.5bn dispute; naïve façade, 東京 and Москва too.",
                "U.S. GDP rose 1.5 pct in Q3, the Commerce Dept said; \"it's a 'soft landing',\" analysts said (Reuters).",
                "Emoji 🙂 and tabs\tand\nnew lines, URLs https://example.com/a?b=c and e-mail news@example.com",
                "antidisestablishmentarianism ".repeat(40), // truncated to 128 tokens in the middle of a word
                "word ".repeat(700)));
    }

    @Test
    void oneTokenizerCallGivesTheIdsTheOldPathFed() {
        assertThat(texts).hasSizeGreaterThan(50);
        for (String text : texts) {
            assertThat(model.ids(text)).as(text).isEqualTo(idsAsLangChain4jFedThem(text));
        }
    }

    @Test
    void vectorsEqualLangChain4jsSingleTextPath() {
        double largest = 0;
        for (String text : texts) {
            float[] before = SentenceEmbedder.normalised(model.embed(text).content().vector());
            float[] now = embedder.embed(text);
            for (int d = 0; d < now.length; d++) {
                largest = Math.max(largest, Math.abs(now[d] - before[d]));
            }
        }
        assertThat(largest).isLessThan(1e-6);
    }

    /** LangChain4j 1.8's OnnxBertBiEncoder.embed and toText (private there), for one model window. */
    private static long[] idsAsLangChain4jFedThem(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        List<String> words = tokens.subList(1, tokens.size() - 1);
        String rebuilt = tokenizer.buildSentence(words);
        List<String> again = new LinkedList<>(tokenizer.tokenize(rebuilt));
        again.remove(0);
        again.remove(again.size() - 1);
        return tokenizer.encode(again.equals(words) ? rebuilt : String.join("", words), true, false).getIds();
    }
}
