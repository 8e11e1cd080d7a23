package dev.newswire.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.ingest.feeds.FeedNotFoundException;
import dev.newswire.ingest.feeds.FeedRequestException;
import dev.newswire.ingest.intake.BatchPublishException;
import dev.newswire.ingest.intake.IngestMetrics;
import dev.newswire.ingest.intake.RejectedArticleException;
import dev.newswire.ingest.intake.ServiceBusyException;
import dev.newswire.ingest.messaging.BrokerRefusedException;
import dev.newswire.ingest.messaging.BrokerUnavailableException;
import dev.newswire.ingest.messaging.RecordTooLargeForTopicException;
import dev.newswire.ingest.replay.ReplayNotFoundException;
import dev.newswire.ingest.replay.ReplayRequestException;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Problem;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place the ingest-service turns failures into RFC 9457 problem details
 * ({@code application/problem+json}), including the framework's own 404/405/415, so a client never
 * has to parse two error shapes. Every 4xx also counts as {@code newswire_ingest_rejected{reason}}.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String REFUSED = "The Kafka broker refused the write for a reason retrying will not fix"
            + " (its ACLs or topic settings): the operator must fix them; the service log has the broker's reason.";
    private static final long REFUSAL_LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final IngestMetrics metrics;
    private final long retryAfterSeconds;
    // Every request gets the same refusal while the broker's settings stand: log it at most every 10 s.
    private final AtomicLong nextRefusalLog = new AtomicLong(System.nanoTime());
    private final AtomicLong refusalsUnlogged = new AtomicLong();

    public ProblemMapper(IngestMetrics metrics, IngestConfig config) {
        this.metrics = metrics;
        this.retryAfterSeconds = Math.max(1, config.publish().retryAfter().toSeconds());
    }

    @ServerExceptionMapper(Throwable.class)
    public Response toProblem(Throwable error, UriInfo uri) {
        Problem problem = problemFor(error).at(uri.getPath());
        if (problem.status() >= 400 && problem.status() < 500) {
            metrics.rejected(slug(problem));
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem));
        if (problem.status() == 503 || problem.status() == 429) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (problem.status() == 413 || error instanceof ServiceBusyException) {
            // The body may be partly unread: close rather than parse its rest as the next request.
            response.header("Connection", "close");
        }
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newswire-ingest\"");
        }
        if (error instanceof NotAllowedException notAllowed) {
            response.allow(notAllowed.getResponse().getAllowedMethods());
        }
        return response.build();
    }

    private Problem problemFor(Throwable error) {
        if (error instanceof RejectedArticleException rejected) {
            Problem problem = Problem.of(rejected.reason().slug(), rejected.reason().title(), rejected.reason().status(),
                    rejected.getMessage());
            for (Map.Entry<String, Object> detail : rejected.details().entrySet()) {
                problem = problem.with(detail.getKey(), detail.getValue());
            }
            return problem;
        }
        if (error instanceof ServiceBusyException) {
            return Problem.of("service-busy", "Service busy", 503, error.getMessage()
                    + " Nothing was published; retry after " + retryAfterSeconds + " s.");
        }
        if (error instanceof ForbiddenOriginException) {
            return Problem.of("forbidden-origin", "Origin not allowed", 403, error.getMessage());
        }
        if (error instanceof UncheckedIOException || error instanceof IOException) {
            // The client went away or sent a broken body: nothing to fix on our side, nothing to log loudly.
            LOG.debugf("request body could not be read: %s", error.getMessage());
            return Problem.of("incomplete-body", "Request body could not be read", 400,
                    "The request body ended early or could not be read; send it again.");
        }
        if (error instanceof UnauthorizedException) {
            return Problem.of("unauthorized", "API key required", 401, error.getMessage());
        }
        if (error instanceof BatchPublishException batch && batch.refused()) {
            logRefusal(batch.getCause());
            return Problem.of("broker-refused", "Kafka broker refused the write", 502, REFUSED
                            + " Lines listed in \"accepted\" were published before the refusal.")
                    .with("accepted", batch.accepted());
        }
        if (error instanceof BatchPublishException batch) {
            return Problem.of("broker-unavailable", "Kafka broker unavailable", 503, batch.getMessage()
                            + " Lines listed in \"accepted\" were published; retry the batch, they will come back as duplicates.")
                    .with("accepted", batch.accepted());
        }
        if (error instanceof BrokerUnavailableException) {
            return Problem.of("broker-unavailable", "Kafka broker unavailable", 503,
                    error.getMessage() + " Nothing was published; retry after " + retryAfterSeconds + " s.");
        }
        if (error instanceof BrokerRefusedException) {
            // The broker's own settings (ACLs, topic): nothing the client can fix or wait out.
            logRefusal(error);
            return Problem.of("broker-refused", "Kafka broker refused the write", 502, REFUSED + " Nothing was published.");
        }
        if (error instanceof RecordTooLargeForTopicException) {
            return Problem.of("too-large", "Article too large", 413,
                    "The topic refused the article for its size; send a smaller article.");
        }
        if (error instanceof ReplayNotFoundException) {
            return Problem.of("replay-not-found", "No such replay", 404, error.getMessage());
        }
        if (error instanceof ReplayRequestException replay) {
            return replay.status() == 429
                    ? Problem.of("too-many-replays", "Too many replays running", 429, error.getMessage())
                    : Problem.of("invalid-replay", "Invalid replay request", replay.status(), error.getMessage());
        }
        if (error instanceof FeedNotFoundException) {
            return Problem.of("feed-not-found", "No such feed", 404, error.getMessage());
        }
        if (error instanceof FeedRequestException feed) {
            Problem problem = Problem.of("invalid-feed", "Invalid feed registration", feed.status(), error.getMessage());
            return feed.field() == null ? problem : problem.with("field", feed.field());
        }
        if (error instanceof JsonProcessingException json) {
            var at = json.getLocation();
            return Problem.of("malformed-json", "Malformed JSON", 400, "Malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + String.valueOf(json.getOriginalMessage()).lines().findFirst().orElse(""));
        }
        if (error instanceof NotSupportedException) {
            return Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "This endpoint accepts application/json, text/plain, text/html or application/x-ndjson"
                            + " (POST /api/articles) and application/json (POST /api/replay).");
        }
        if (error instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String title = Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            return Problem.of("http-" + status, title, status, status == 413
                    ? "The request body is over the service's limit (16 MiB per batch, 1 MiB per article)." : web.getMessage());
        }
        LOG.error("Unexpected failure", error);
        return Problem.of("internal", "Internal error", 500, "The service failed unexpectedly; the log has details.");
    }

    private void logRefusal(Throwable refusal) {
        long now = System.nanoTime();
        long next = nextRefusalLog.get();
        if (now - next >= 0 && nextRefusalLog.compareAndSet(next, now + REFUSAL_LOG_EVERY_NANOS)) {
            LOG.errorf("Write refused by the broker (%d more since the last such message): %s",
                    refusalsUnlogged.getAndSet(0), refusal.getMessage());
        } else {
            refusalsUnlogged.incrementAndGet();
        }
    }

    private static String slug(Problem problem) {
        String type = problem.type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static String json(Problem problem) {
        try {
            return NewsJson.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serialises", e);
        }
    }
}
