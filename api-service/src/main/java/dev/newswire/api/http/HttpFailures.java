package dev.newswire.api.http;

import dev.newswire.model.Credentials;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Problem+json for everything that fails below JAX-RS: a Vert.x route that fails (an undecodable
 * {@code %zz}, an exception in the stream route) and what the router answers itself (no route: 404,
 * wrong method: 405). Without this, Vert.x and Quarkus answer with bare or HTML bodies and log the
 * full URI, key included.
 */
@ApplicationScoped
public class HttpFailures {

    private static final Logger LOG = Logger.getLogger(HttpFailures.class);
    private static final List<Integer> ROUTER_ANSWERS = List.of(400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503);

    void install(@Observes Router router) {
        router.route().order(HttpOrder.FAILURES).failureHandler(this::failed);
        for (int status : ROUTER_ANSWERS) {
            router.errorHandler(status, rc -> answer(rc, status, null));
        }
    }

    private void failed(RoutingContext rc) {
        Throwable failure = rc.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : rc.statusCode();
        if (failure instanceof IllegalArgumentException && status < 400) {
            status = 400; // Vert.x reports an undecodable URI or parameter this way
        }
        answer(rc, status < 400 ? 500 : status, failure);
    }

    private static void answer(RoutingContext rc, int status, Throwable failure) {
        String path = ProblemMapper.instance(safePath(rc));
        if (status >= 500) {
            LOG.errorf(failure, "%s %s failed", rc.request().method(), Credentials.redact(rc.request().uri()));
        }
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().reset(); // a stream already under way: cut it, the client resumes
            return;
        }
        ProblemMapper.write(rc.response(), ApiException.ofStatus(status, null), path);
    }

    private static String safePath(RoutingContext rc) {
        String path = rc.request().path();
        return path == null ? "/" : path;
    }
}
