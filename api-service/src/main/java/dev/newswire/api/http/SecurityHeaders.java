package dev.newswire.api.http;

import dev.newswire.api.config.HttpConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser-facing headers on every answer (page, API, stream, errors): a Content-Security-Policy
 * without inline script or framing, {@code nosniff}, {@code X-Frame-Options} for browsers without
 * {@code frame-ancestors}, and no referrer (page URLs may carry filters). Swagger UI, when switched
 * on, needs inline script and is left without a CSP.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(HttpConfig config) {
        this.policy = config.contentSecurityPolicy();
    }

    void install(@Observes Router router) {
        router.route().order(HttpOrder.SECURITY_HEADERS).handler(this::add);
    }

    private void add(RoutingContext rc) {
        MultiMap headers = rc.response().headers();
        if (!rc.request().path().startsWith("/q/swagger-ui")) {
            headers.set("Content-Security-Policy", policy);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        rc.next();
    }
}
