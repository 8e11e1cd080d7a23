package dev.newswire.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rendered documents of one overlay, with the look-ups the checks need. */
final class Manifests {

    private final List<Map<String, Object>> documents;

    Manifests(List<Map<String, Object>> documents) {
        this.documents = List.copyOf(documents);
    }

    List<Map<String, Object>> all() {
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).collect(Collectors.toList());
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the rendering; have "
                + documents.stream().map(d -> d.get("kind") + "/" + name(d)).collect(Collectors.joining(", "))));
    }

    static String name(Map<String, Object> document) {
        Object name = map(document.get("metadata")).get("name");
        return name == null ? "<unnamed>" : name.toString();
    }

    static Map<String, String> labels(Map<String, Object> objectWithMetadata) {
        Map<String, Object> labels = map(map(objectWithMetadata.get("metadata")).get("labels"));
        return labels.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    /** Follows a path of map keys and list indexes, e.g. {@code at(d, "spec", "template", "spec")}. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> m && step instanceof String key) {
                current = m.get(key);
            } else if (current instanceof List<?> l && step instanceof Integer i && i < l.size()) {
                current = l.get(i);
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** True when every pair of the selector is among the labels (a matchLabels-style selector). */
    static boolean selects(Map<String, ?> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(labels.get(e.getKey())));
    }
}
