package dev.newswire.api.http;

import dev.newswire.api.config.HttpConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * CORS, off unless origins are listed ({@code NEWSWIRE_API_CORS_ORIGINS}): a listed origin gets
 * {@code Access-Control-Allow-Origin} for itself and its preflights answered here (before the key
 * check, since browsers send no credentials on a preflight); any other origin gets no CORS header,
 * so its pages cannot read answers. Hand-written instead of Quarkus's CORS filter because that
 * filter answers a refused origin with a bare 403 (every error here is problem+json) and the API
 * is read-only, so refusing to add headers is all a refusal needs.
 */
@ApplicationScoped
public class CorsPolicy {

    private final List<String> origins;

    public CorsPolicy(HttpConfig config) {
        this.origins = config.corsOrigins().orElse(List.of()).stream()
                .map(String::trim).filter(o -> !o.isEmpty())
                .map(o -> o.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .toList();
    }

    void install(@Observes Router router) {
        if (!origins.isEmpty()) {
            router.route().order(HttpOrder.CORS).handler(this::apply);
        }
    }

    private void apply(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        response.headers().add("Vary", "Origin");
        String origin = rc.request().getHeader("Origin");
        if (origin == null || !allowed(origin)) {
            rc.next();
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        boolean preflight = rc.request().method() == HttpMethod.OPTIONS
                && rc.request().getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            rc.next();
            return;
        }
        response.putHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                .putHeader("Access-Control-Allow-Headers", "Authorization, Last-Event-ID, Content-Type")
                .putHeader("Access-Control-Max-Age", "600")
                .setStatusCode(204)
                .end();
    }

    private boolean allowed(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return origins.contains("*") || origins.contains(o);
    }
}
