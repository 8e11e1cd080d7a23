package dev.newswire.api.http;

import dev.newswire.api.config.ApiConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Optional API keys for everything under {@code /api}. EventSource cannot set headers, so the
 * {@code key} query parameter is accepted as well as {@code Authorization: Bearer}. Health, metrics,
 * OpenAPI and the page stay open. Runs before JAX-RS and the stream route.
 */
@ApplicationScoped
public class ApiKeyGuard {

    private final List<byte[]> keys;

    public ApiKeyGuard(ApiConfig config) {
        this.keys = config.keys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank())
                .map(k -> k.trim().getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    void install(@Observes Router router) {
        if (!keys.isEmpty()) {
            router.route("/api/*").order(-100).handler(this::check);
        }
    }

    private void check(RoutingContext rc) {
        if (rc.request().method() == HttpMethod.OPTIONS || accepted(presented(rc))) {
            rc.next();
        } else {
            ProblemMapper.write(rc.response(), ApiException.unauthorized(), rc.request().path());
        }
    }

    private static String presented(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return rc.request().getParam("key");
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
