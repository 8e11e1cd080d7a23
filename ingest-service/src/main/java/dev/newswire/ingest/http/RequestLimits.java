package dev.newswire.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The limits checked before any route runs, and the failures of the HTTP layer below JAX-RS, both
 * answered as problem+json like every other error (ProblemMapper covers JAX-RS):
 * <ul>
 *   <li>request target over {@code newswire.ingest.http.max-url-length}: 414;</li>
 *   <li>headers over {@code newswire.ingest.http.max-header-size}: 431;</li>
 *   <li>a Content-Length over the batch limit: 413 before a byte is read (Quarkus's own check at
 *       quarkus.http.limits.max-body-size would answer a bare 413; this route runs first);</li>
 *   <li>any routing failure (e.g. a path with bad percent-encoding such as {@code %zz}): its status.</li>
 * </ul>
 * The Vert.x codec answers on its own (bare) only past its hard bounds, set well above these
 * (quarkus.http.limits.max-initial-line-length / max-header-size), because Quarkus does not let an
 * application replace Vert.x's invalid-request handler.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);
    /** Before Quarkus's max-body-size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int ORDER = -3;

    private final int maxUrlLength;
    private final long maxHeaderBytes;
    private final long maxBodyBytes;

    public RequestLimits(IngestConfig config) {
        this.maxUrlLength = config.http().maxUrlLength();
        this.maxHeaderBytes = config.http().maxHeaderSize().asLongValue();
        this.maxBodyBytes = Math.max(config.maxBatchSize().asLongValue(), config.maxArticleSize().asLongValue());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        router.route().order(ORDER).failureHandler(this::failed);
        // Failures the router cannot hand to any route, e.g. a path whose %XX escape does not decode
        // (it fails while matching routes): without these Vert.x answers a bare status.
        for (int status : new int[]{400, 404, 405, 413, 500}) {
            router.errorHandler(status, this::failed);
        }
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri != null && uri.length() > maxUrlLength) {
            answer(context, Problem.of("uri-too-long", "URI too long", 414, "The request target is " + uri.length()
                    + " characters; the limit is " + maxUrlLength + "."), null);
            return;
        }
        if (uri == null || !isValidUri(uri)) {
            // Quarkus answers a bare 400 for these before routing unless -Dvertx.disableURIValidation=true
            // (set for the service in its Dockerfile, bench scripts and tests): then this check answers.
            answer(context, Problem.of("bad-request", "Bad request", 400, "The request target is not a valid URI:"
                    + " check its percent-encoding (%XX with two hex digits) and escape spaces and brackets."), null);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            answer(context, Problem.of("headers-too-large", "Request header fields too large", 431,
                    "The request headers are " + headerBytes + " bytes; the limit is " + maxHeaderBytes + "."), null);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                answer(context, Problem.of("bad-request", "Bad request", 400, "Content-Length is not a valid length."), "close");
                return;
            }
            if (declared > maxBodyBytes) {
                answer(context, Problem.of("too-large", "Request body too large", 413, "The body is " + declared
                        + " bytes; the limit is " + maxBodyBytes + " bytes per batch (1 MiB per article). Send smaller batches.")
                        .with("limit", maxBodyBytes), "close");
                return;
            }
        }
        context.next();
    }

    private void failed(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            context.next();
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status == 500 && (context.failure() instanceof IllegalArgumentException || hasBadEscape(context.request().path()))) {
            // The router fails while matching a path it cannot decode (e.g. "%zz"): the client's mistake.
            status = 400;
        }
        Problem problem;
        if (status >= 500) {
            LOG.error("HTTP layer failure", context.failure());
            problem = Problem.of("internal", "Internal error", status, "The service failed unexpectedly; the log has details.");
        } else if (status == 400) {
            problem = Problem.of("bad-request", "Bad request", 400,
                    "The request could not be understood: check the path's percent-encoding (%XX, hex digits) and the headers.");
        } else if (status == 413) {
            problem = Problem.of("too-large", "Request body too large", 413, "The body is over the limit of " + maxBodyBytes + " bytes.");
        } else {
            problem = Problem.of("http-" + status, "HTTP " + status, status, "The request failed with status " + status + ".");
        }
        answer(context, problem, status == 413 ? "close" : null);
    }

    /** A '%' not followed by two hex digits. */
    static boolean hasBadEscape(String path) {
        if (path == null) {
            return false;
        }
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValidUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void answer(RoutingContext context, Problem problem, String connection) {
        HttpServerResponse response = context.response();
        // nosniff here too: an answer the router could not route never passed Quarkus's header handler.
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff");
        if (connection != null) {
            response.putHeader(HttpHeaders.CONNECTION, connection);
        }
        String path = context.request().path();
        Problem located = path != null && path.length() <= 256 ? problem.at(path) : problem;
        try {
            response.end(NewsJson.mapper().writeValueAsString(located));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
