package dev.newswire.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.enrich.pipeline.Document;
import dev.newswire.enrich.pipeline.Pipeline;
import dev.newswire.enrich.pipeline.models.SentenceEmbedder;
import dev.newswire.model.RawArticle;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Dev tool for bench/quality (not a test): runs the standard pipeline in-process on
 * {@code {"id","title","body","contentType"}} lines and writes {@code {"id","title","text","language",
 * "entities","tags","summary"}} lines, the fields the harness reads from the api. Lets a change be
 * measured on a DEV split in a minute before it is measured through the API; the reported figures
 * always come from the API ({@code bench/quality/run.sh}).
 * <pre>java -cp … dev.newswire.enrich.bench.QualityDump in.jsonl out.jsonl</pre>
 */
public final class QualityDump {

    private QualityDump() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        Pipeline pipeline = Pipeline.standard(new SentenceEmbedder(), Pipeline.Settings.DEFAULTS);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode in = json.readTree(line);
                String title = in.hasNonNull("title") ? in.get("title").asText() : null;
                String type = in.hasNonNull("contentType") ? in.get("contentType").asText() : RawArticle.TEXT_PLAIN;
                Document d = pipeline.run(new RawArticle(in.get("id").asText(), "dump", null, title, in.get("body").asText(),
                        type, null, Instant.EPOCH, null));
                ObjectNode o = json.createObjectNode();
                o.put("id", in.get("id").asText());
                o.put("title", d.title());
                o.put("text", d.text());
                o.put("language", d.language());
                o.put("summary", d.summary());
                o.set("entities", json.valueToTree(d.entities()));
                o.set("tags", json.valueToTree(d.tags()));
                out.write(json.writeValueAsString(o));
                out.newLine();
            }
        }
    }
}
