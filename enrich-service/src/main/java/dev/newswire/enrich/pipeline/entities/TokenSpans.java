package dev.newswire.enrich.pipeline.entities;

import java.util.ArrayList;
import java.util.List;

/** Runs of same-typed token labels: "PERSON PERSON O LOCATION" to [0,2) PERSON and [3,4) LOCATION. */
public final class TokenSpans {

    /** Token range {@code [start, end)} with its entity type (without B-/I- prefix). */
    public record Run(int start, int end, String type) {
    }

    private TokenSpans() {
    }

    public static List<Run> runs(List<String> labels) {
        List<Run> runs = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= labels.size(); i++) {
            String label = i < labels.size() ? labels.get(i) : EntityRecognizer.OTHER;
            String t = typeOf(label);
            boolean begins = t != null && (label.startsWith("B-") || !t.equals(type));
            if (type != null && (t == null || begins)) {
                runs.add(new Run(start, i, type));
                type = null;
            }
            if (t != null && type == null) {
                start = i;
                type = t;
            }
        }
        return runs;
    }

    /** "B-PERSON" / "I-PERSON" / "PERSON" to "PERSON"; "O" to null. */
    public static String typeOf(String label) {
        if (label == null || label.equals(EntityRecognizer.OTHER)) {
            return null;
        }
        return label.startsWith("B-") || label.startsWith("I-") ? label.substring(2) : label;
    }
}
