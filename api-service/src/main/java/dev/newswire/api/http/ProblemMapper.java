package dev.newswire.api.http;

import dev.newswire.model.Credentials;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Problem;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The one place the api-service turns failures into RFC 9457 problem details: JAX-RS resources
 * through {@link #toResponse}, the Vert.x stream route and API-key guard through {@link #write}.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Exception exception) {
        Problem problem = problemOf(exception, uri == null ? null : instance("/" + uri.getPath().replaceFirst("^/", "")));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Problem problemOf(Throwable exception, String path) {
        Problem problem;
        if (exception instanceof ApiException api) {
            problem = Problem.of(api.slug(), api.title(), api.status(), api.getMessage());
            if (api.parameter() != null) {
                problem = problem.with("parameter", api.parameter());
            }
        } else if (exception instanceof WebApplicationException web) {
            // The status only: library messages may name classes or echo input.
            return problemOf(ApiException.ofStatus(web.getResponse().getStatus(), null), path);
        } else {
            LOG.errorf(exception, "unexpected failure at %s", instance(path));
            problem = Problem.of("internal", "Internal error", 500, "the server failed; see its log");
        }
        return problem.at(path);
    }

    /** The {@code instance} member for a request path: the path with any credential redacted. */
    public static String instance(String path) {
        return Credentials.redact(path);
    }

    /** Writes a problem answer on a raw Vert.x response (routes outside JAX-RS). */
    public static void write(HttpServerResponse response, Throwable exception, String path) {
        Problem problem = problemOf(exception, path);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        try {
            response.setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(NewsJson.mapper().writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}
