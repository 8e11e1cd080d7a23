package dev.newswire.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates custom resources (Strimzi, KEDA) against the openAPIV3Schema of their published CRDs,
 * copied into src/test/resources/crds (see the README there for where each comes from).
 * <p>
 * The API server prunes unknown fields of a structural schema silently, but {@code kubectl apply}
 * asks for strict field validation, which rejects them: so every object schema that lists its
 * properties and does not preserve unknown fields gets {@code additionalProperties: false} here.
 */
final class CrdSchemas {

    /** The CRD files in src/test/resources/crds. */
    static final List<String> CRD_FILES = List.of(
            "strimzi-1.2.0-040-Crd-kafka.yaml",
            "strimzi-1.2.0-045-Crd-kafkanodepool.yaml",
            "strimzi-1.2.0-043-Crd-kafkatopic.yaml",
            "keda-2.20.2-keda.sh_scaledobjects.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    /** "group/version kind" → schema. */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private CrdSchemas() {
    }

    static CrdSchemas load() {
        CrdSchemas crds = new CrdSchemas();
        for (String file : CRD_FILES) {
            try (InputStream in = CrdSchemas.class.getResourceAsStream("/crds/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource crds/" + file);
                }
                crds.add(Kustomize.YAML.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return crds;
    }

    private void add(JsonNode crd) {
        String group = crd.at("/spec/group").asText();
        String kind = crd.at("/spec/names/kind").asText();
        for (JsonNode version : crd.at("/spec/versions")) {
            if (!version.path("served").asBoolean(false)) {
                continue;
            }
            JsonNode openApi = version.at("/schema/openAPIV3Schema");
            ObjectNode schema = (ObjectNode) toStrictJsonSchema(openApi.deepCopy());
            schemas.put(group + "/" + version.path("name").asText() + " " + kind, FACTORY.getSchema(schema));
        }
    }

    boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + " " + kind);
    }

    /** The schema violations of one custom resource; empty when valid. */
    Set<String> validate(Map<String, Object> document) {
        String key = document.get("apiVersion") + " " + document.get("kind");
        JsonSchema schema = schemas.get(key);
        if (schema == null) {
            return Set.of("no CRD schema for " + key + " (known: " + schemas.keySet() + ")");
        }
        Set<ValidationMessage> messages = schema.validate(JSON.valueToTree(document));
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Rewrites a Kubernetes structural schema into a JSON Schema (draft 4) with strict objects. */
    static JsonNode toStrictJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                toStrictJsonSchema(item);
            }
            return node;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        boolean preservesUnknown = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (object.has("properties") && !object.has("additionalProperties") && !preservesUnknown) {
            object.put("additionalProperties", false);
        }
        // Kubernetes-only keywords mean nothing to a JSON Schema validator: drop them after use.
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("x-kubernetes-") || name.equals("nullable") || name.equals("example")) {
                names.remove();
            }
        }
        JsonNode properties = object.get("properties");
        if (properties != null) {
            // Values of "properties" are schemas; the keys are field names, not keywords.
            properties.fields().forEachRemaining(e -> toStrictJsonSchema(e.getValue()));
        }
        for (String keyword : List.of("items", "additionalProperties", "anyOf", "allOf", "oneOf", "not")) {
            if (object.has(keyword)) {
                toStrictJsonSchema(object.get(keyword));
            }
        }
        return object;
    }
}
