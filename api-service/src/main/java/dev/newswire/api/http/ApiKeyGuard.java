package dev.newswire.api.http;

import dev.newswire.api.config.ApiConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Optional API keys, deny by default: when keys are set, every request needs one except a short
 * list of open paths (the page, health, metrics, OpenAPI, Swagger UI when switched on), matched
 * against the path exactly as sent. Matching "what needs a key" instead (the old {@code /api/*}
 * route) lets spellings that the router and JAX-RS read differently slip through: {@code /api;/articles}
 * is not under {@code /api/} for the router, but JAX-RS drops the matrix parameter and serves it.
 * Any path that is not exactly an open one ({@code ;}, {@code %2F}, {@code //}, dot segments,
 * other case, trailing slash) therefore needs a key, whatever it resolves to.
 * EventSource cannot set headers, so {@code ?key=} is accepted as well as {@code Authorization: Bearer}.
 */
@ApplicationScoped
public class ApiKeyGuard {

    static final Set<String> OPEN_PATHS = Set.of("/", "/index.html", "/app.js", "/app.css", "/favicon.ico",
            "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics", "/q/openapi");
    // Swagger UI's own files (only served when it is switched on): plain names, no dot segments.
    private static final Pattern OPEN_SWAGGER = Pattern.compile("/q/swagger-ui(/([A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)?)?");

    private final List<byte[]> keys;

    public ApiKeyGuard(ApiConfig config) {
        this.keys = config.keys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank())
                .map(k -> k.trim().getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    void install(@Observes Router router) {
        if (!keys.isEmpty()) {
            router.route().order(HttpOrder.API_KEYS).handler(this::check);
        }
    }

    private void check(RoutingContext rc) {
        String path = rc.request().path();
        if (isOpen(path) || accepted(presented(rc))) {
            rc.next();
        } else {
            ProblemMapper.write(rc.response(), ApiException.unauthorized(), ProblemMapper.instance(path));
        }
    }

    static boolean isOpen(String rawPath) {
        return rawPath != null && (OPEN_PATHS.contains(rawPath) || OPEN_SWAGGER.matcher(rawPath).matches());
    }

    private static String presented(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        try {
            return rc.request().getParam("key");
        } catch (RuntimeException e) {
            return null; // an undecodable query string carries no usable key
        }
    }

    /** Constant-time comparison so response timing does not leak key prefixes. */
    boolean accepted(String candidate) {
        if (candidate == null) {
            return false;
        }
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] key : keys) {
            ok |= MessageDigest.isEqual(key, given);
        }
        return ok;
    }
}
