package dev.newswire.api.http;

import dev.newswire.model.Credentials;
import dev.newswire.api.view.ArticleFilter;
import dev.newswire.api.view.StoryView;
import dev.newswire.api.stream.StartPoint;
import dev.newswire.api.stream.StartResolver;
import dev.newswire.api.stream.StreamHub;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/stream}: a raw Vert.x route rather than a JAX-RS {@code Multi}, because the
 * fan-out writes one pre-built buffer to tens of thousands of responses directly (no per-subscriber
 * reactive pipeline). Parameters are validated here; problems go through {@link ProblemMapper}.
 * Documented in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class StreamRoute {

    private static final Logger LOG = Logger.getLogger(StreamRoute.class);

    private final StreamHub hub;
    private final StartResolver resolver;
    private final StoryView stories;

    public StreamRoute(StreamHub hub, StartResolver resolver, StoryView stories) {
        this.hub = hub;
        this.resolver = resolver;
        this.stories = stories;
    }

    void install(@Observes Router router) {
        router.get("/api/stream").handler(this::stream);
        // Any other method on the stream: 405 naming the one it takes (else the router says 404).
        router.route("/api/stream").handler(rc -> {
            rc.response().putHeader("Allow", "GET");
            ProblemMapper.write(rc.response(), ApiException.ofStatus(405, null), ProblemMapper.instance(rc.request().path()));
        });
    }

    private void stream(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        ArticleFilter filter;
        CompletionStage<StartPoint> start;
        try {
            filter = QueryParams.withStory(QueryParams.filter(request.params().getAll("tag"), request.getParam("entity"),
                    request.getParam("lang"), request.getParam("q")), request.getParam("story"), stories.index());
            start = start(request);
        } catch (ApiException e) {
            ProblemMapper.write(rc.response(), e, ProblemMapper.instance(request.path()));
            return;
        }
        Context context = Vertx.currentContext();
        start.whenComplete((point, failure) -> context.runOnContext(v -> {
            if (rc.response().closed()) {
                return;
            }
            if (failure != null) {
                // The cause stays in the log: its message names Kafka classes and brokers.
                LOG.warnf("cannot look up offsets to resume %s: %s", Credentials.redact(request.uri()), failure.toString());
                ProblemMapper.write(rc.response(), new ApiException(503, "kafka-unavailable", "Kafka unavailable",
                        "cannot look up offsets to resume from; try again shortly", null), ProblemMapper.instance(request.path()));
            } else {
                hub.open(rc.response(), request.connection(), filter, point);
            }
        }));
    }

    /** Precedence: a resume token (header, then parameter), then {@code since}, then {@code from}. */
    private CompletionStage<StartPoint> start(HttpServerRequest request) {
        String header = request.getHeader("Last-Event-ID");
        if (header != null && !header.isBlank()) {
            return resolver.after(QueryParams.token("Last-Event-ID", header));
        }
        String lastEventId = request.getParam("lastEventId");
        if (lastEventId != null && !lastEventId.isBlank()) {
            return resolver.after(QueryParams.token("lastEventId", lastEventId));
        }
        String since = request.getParam("since");
        if (since != null && !since.isBlank()) {
            return resolver.since(QueryParams.since(since));
        }
        return QueryParams.fromEarliest(request.getParam("from")) ? resolver.earliest() : resolver.live();
    }
}
