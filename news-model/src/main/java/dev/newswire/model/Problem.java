package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.net.URI;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 * Each service builds these in one exception mapper; this record keeps the shape the same everywhere.
 *
 * @param type       URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title      short, stable summary of the kind
 * @param status     the HTTP status
 * @param detail     what went wrong with this request, in words a person can act on
 * @param instance   the request path
 * @param extensions extra members, e.g. {@code parameter}, {@code line}, {@code column}
 */
public record Problem(URI type, String title, int status, String detail, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://newswire.dev/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A problem whose type is {@code https://newswire.dev/problems/<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, Map.of());
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    public Problem with(String member, Object value) {
        var merged = new java.util.LinkedHashMap<>(extensions);
        merged.put(member, value);
        return new Problem(type, title, status, detail, instance, merged);
    }

    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }
}
