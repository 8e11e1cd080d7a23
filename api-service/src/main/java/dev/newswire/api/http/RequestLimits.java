package dev.newswire.api.http;

import dev.newswire.api.config.HttpConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Size limits checked on the first handler, so that they answer problem+json: Vert.x's own limits
 * (the {@code quarkus.http.limits.*} codec caps, set higher) answer with an empty body before any
 * handler runs, and Quarkus offers no hook there. The URL syntax check replaces Quarkus's own (which
 * answers a bare 400): the service runs with {@code -Dvertx.disableURIValidation=true} (Dockerfile,
 * tests) so malformed URLs reach this handler; without that flag they still get a (bare) 400.
 */
@ApplicationScoped
public class RequestLimits {

    private final HttpConfig config;

    public RequestLimits(HttpConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(HttpOrder.REQUEST_LIMITS).handler(this::check);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        ApiException refused = refusal(request);
        if (refused == null) {
            rc.next();
        } else {
            rc.response().putHeader("Connection", "close");
            ProblemMapper.write(rc.response(), refused, ProblemMapper.instance(request.path()));
        }
    }

    private ApiException refusal(HttpServerRequest request) {
        if (request.uri().length() > config.maxUrlLength()) {
            return ApiException.ofStatus(414, "the request URL is longer than " + config.maxUrlLength() + " characters");
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            return ApiException.ofStatus(431, "the request headers are larger than " + config.maxHeaderBytes() + " bytes");
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return ApiException.ofStatus(400, "Content-Length is not a number");
            }
            if (declared > config.maxBodyBytes()) {
                return ApiException.ofStatus(413, "the request body is larger than " + config.maxBodyBytes()
                        + " bytes; this API reads no request bodies");
            }
        }
        try {
            new URI(request.uri());
        } catch (URISyntaxException e) {
            return ApiException.ofStatus(400, "the request URL is malformed (bad percent-encoding or characters)");
        }
        return null;
    }
}
