package dev.newswire.api.http;

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
        Problem problem = problemOf(exception, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
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
            int status = web.getResponse().getStatus();
            problem = Problem.of("http-" + status, Response.Status.fromStatusCode(status) == null
                    ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase(), status, web.getMessage());
        } else {
            LOG.error("unexpected failure", exception);
            problem = Problem.of("internal", "Internal error", 500, "the server failed; see its log");
        }
        return problem.at(path);
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
