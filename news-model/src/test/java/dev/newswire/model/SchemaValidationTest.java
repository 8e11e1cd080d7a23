package dev.newswire.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Serialised events must match the published JSON Schemas, checked by a real validator. */
class SchemaValidationTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    @Test
    void rawArticleMatchesItsSchema() {
        assertThat(validate("raw-article", NewsJson.mapper().valueToTree(Samples.raw()))).isEmpty();
    }

    @Test
    void enrichedArticleMatchesItsSchema() {
        assertThat(validate("enriched-article", NewsJson.mapper().valueToTree(Samples.enriched()))).isEmpty();
    }

    @Test
    void storyMatchesItsSchemaWithMergedIntoWrittenAsNull() {
        JsonNode story = NewsJson.mapper().valueToTree(Samples.story(null));
        assertThat(story.has("mergedInto")).isTrue();
        assertThat(validate("story", story)).isEmpty();
        assertThat(validate("story", NewsJson.mapper().valueToTree(Samples.story("st-0123456789abcdef")))).isEmpty();
    }

    @Test
    void storySchemaRejectsAnIdWithoutPrefixAndSixEntities() {
        ObjectNode story = NewsJson.mapper().valueToTree(Samples.story(null));
        story.put("id", "0123456789abcdef");
        ArrayNode entities = (ArrayNode) story.get("entities");
        while (entities.size() < 6) {
            entities.add(entities.get(0).deepCopy());
        }
        assertThat(validate("story", story)).hasSize(2);
    }

    @Test
    void schemaRejectsABlankBodyAndABadContentType() {
        ObjectNode raw = NewsJson.mapper().valueToTree(Samples.raw());
        raw.put("body", "   ");
        raw.put("contentType", "application/pdf");
        assertThat(validate("raw-article", raw)).hasSize(2);
    }

    @Test
    void schemaRejectsAnUnknownEntityTypeAndSalienceAboveOne() {
        ObjectNode article = NewsJson.mapper().valueToTree(Samples.enriched());
        ObjectNode entity = (ObjectNode) ((ArrayNode) article.get("entities")).get(0);
        entity.put("type", "ANIMAL");
        entity.put("salience", 1.5);
        assertThat(validate("enriched-article", article)).hasSize(2);
    }

    @Test
    void schemaRejectsANonIsoTimestamp() {
        ObjectNode raw = NewsJson.mapper().valueToTree(Samples.raw());
        raw.put("receivedAt", "yesterday");
        assertThat(validate("raw-article", raw)).isNotEmpty();
    }

    private static Set<ValidationMessage> validate(String name, JsonNode node) {
        InputStream in = SchemaValidationTest.class.getResourceAsStream("/schemas/" + name + ".schema.json");
        assertThat(in).as("schema " + name).isNotNull();
        JsonSchema schema = FACTORY.getSchema(in, CONFIG);
        return schema.validate(node);
    }
}
