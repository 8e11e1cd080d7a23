package dev.newswire.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.ModelMapper;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a core Kubernetes object into client-java's typed model, failing the way the API server
 * would: client-java's generated models reject unknown fields and values of the wrong JSON type.
 * Gson alone would still accept a number written as a string ({@code replicas: "3"}), so the typed
 * object is written back and must equal the input: anything the model coerced or dropped fails.
 */
final class StrictKubernetesLoader {

    private static final ObjectMapper JSON_WRITER = new ObjectMapper();

    private StrictKubernetesLoader() {
    }

    /** The model class client-java has for this apiVersion/kind, or null when it is not a core kind. */
    static Class<?> modelClass(String apiVersion, String kind) {
        Class<?> type = ModelMapper.getApiTypeClass(apiVersion, kind);
        // For kinds it has no model of, ModelMapper answers with a schemaless DynamicKubernetesObject.
        return type != null && type.getPackageName().equals("io.kubernetes.client.openapi.models") ? type : null;
    }

    /**
     * @return the typed object
     * @throws IllegalArgumentException with the object's kind/name and the reason when it does not load strictly
     */
    static Object load(Map<String, Object> document) {
        String apiVersion = String.valueOf(document.get("apiVersion"));
        String kind = String.valueOf(document.get("kind"));
        String name = Manifests.name(document);
        Class<?> type = modelClass(apiVersion, kind);
        if (type == null) {
            throw new IllegalArgumentException(kind + "/" + name + ": " + apiVersion + " " + kind
                    + " is not a Kubernetes core kind client-java knows");
        }
        String json;
        try {
            json = JSON_WRITER.writeValueAsString(document);
        } catch (Exception e) {
            throw new IllegalArgumentException(kind + "/" + name + ": cannot write as JSON", e);
        }
        Object typed;
        try {
            typed = JSON.deserialize(json, type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(kind + "/" + name + " does not load as " + type.getSimpleName() + ": "
                    + rootMessage(e), e);
        }
        JsonElement original = JsonParser.parseString(json);
        JsonElement roundTrip = JsonParser.parseString(JSON.serialize(typed));
        String difference = firstDifference("", original, roundTrip);
        if (difference != null) {
            throw new IllegalArgumentException(kind + "/" + name + " changes when loaded as " + type.getSimpleName()
                    + " (wrong type or unknown field?): " + difference);
        }
        return typed;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " / " + t.getMessage();
    }

    /** The models start some collections empty; an empty one the input did not have is no change. */
    private static boolean isEmpty(JsonElement element) {
        return element == null || element.isJsonNull()
                || (element instanceof JsonObject o && o.size() == 0)
                || (element instanceof JsonArray a && a.isEmpty());
    }

    /** Path and values of the first place two JSON trees differ, or null when equal. */
    static String firstDifference(String path, JsonElement expected, JsonElement actual) {
        if (expected instanceof JsonObject e && actual instanceof JsonObject a) {
            for (String key : e.keySet()) {
                String d = firstDifference(path + "/" + key, e.get(key), a.has(key) ? a.get(key) : null);
                if (d != null) {
                    return d;
                }
            }
            for (String key : a.keySet()) {
                if (!e.has(key) && !isEmpty(a.get(key))) {
                    return path + "/" + key + ": not in the input, added as " + a.get(key);
                }
            }
            return null;
        }
        if (expected instanceof JsonArray e && actual instanceof JsonArray a) {
            if (e.size() != a.size()) {
                return path + ": " + e.size() + " items became " + a.size();
            }
            for (int i = 0; i < e.size(); i++) {
                String d = firstDifference(path + "/" + i, e.get(i), a.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected == null || expected.isJsonNull()) {
            return actual == null || actual.isJsonNull() ? null : path + ": null became " + actual;
        }
        return Objects.equals(expected, actual) ? null : path + ": " + expected + " became " + actual;
    }
}
