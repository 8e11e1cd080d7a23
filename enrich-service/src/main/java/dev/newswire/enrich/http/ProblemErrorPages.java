package dev.newswire.enrich.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Problem;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Every HTTP error of enrich-service is RFC 9457 problem+json (issue 9 item 10): an unknown path
 * (404), a wrong method (405) and any failure below JAX-RS would otherwise be Vert.x's or Quarkus's
 * HTML page. The service has no REST resources of its own (health, metrics, OpenAPI only), so the
 * router's error handlers are the one place these answers are built.
 */
@ApplicationScoped
public class ProblemErrorPages {

    private static final Logger LOG = Logger.getLogger(ProblemErrorPages.class);
    private static final int[] STATUSES = {400, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503};

    void install(@Observes Router router) {
        for (int status : STATUSES) {
            router.errorHandler(status, ctx -> write(ctx, status));
        }
    }

    static void write(RoutingContext ctx, int fallbackStatus) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : fallbackStatus;
        if (status >= 500 && ctx.failure() != null) {
            LOG.errorf(ctx.failure(), "request %s %s failed", ctx.request().method(), ctx.normalizedPath());
        }
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at this path; enrich-service serves /q/health, /q/metrics and /q/openapi";
            case 405 -> "this path does not accept " + ctx.request().method();
            case 500 -> "the server failed; see its log";
            default -> reason;
        };
        Problem problem = Problem.of("http-" + status, reason, status, detail).at(ctx.normalizedPath());
        String body;
        try {
            body = NewsJson.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
