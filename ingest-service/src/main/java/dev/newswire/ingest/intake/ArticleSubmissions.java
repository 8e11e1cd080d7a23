package dev.newswire.ingest.intake;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.model.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What {@code POST /api/articles} does, by media type: size check, strict decoding, parsing,
 * then publish and wait for the ack. Throws {@link RejectedArticleException} for bad input, the
 * messaging exceptions when the broker does not take it.
 */
@ApplicationScoped
public class ArticleSubmissions {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CHANNEL = "http";

    private final ArticleIntake intake;
    private final BatchIntake batches;
    private final long maxArticleBytes;
    private final long maxBatchBytes;
    private final Duration timeout;

    public ArticleSubmissions(ArticleIntake intake, BatchIntake batches, IngestConfig config) {
        this.intake = intake;
        this.batches = batches;
        this.maxArticleBytes = config.maxArticleSize().asLongValue();
        this.maxBatchBytes = config.maxBatchSize().asLongValue();
        this.timeout = config.publish().timeout();
    }

    /** One article as JSON, plain text or HTML; {@code fields} are the query parameters of a text post. */
    public Accepted submit(byte[] body, MediaType mediaType, ArticleFields fields) throws RejectedArticleException {
        checkSize(body.length, maxArticleBytes, "article");
        String type = baseType(mediaType);
        Instant receivedAt = Instant.now();
        RawArticle article = switch (type) {
            case MediaType.APPLICATION_JSON -> ArticleParser.fromJson(StrictText.utf8(body), source(fields), receivedAt);
            case MediaType.TEXT_PLAIN, MediaType.TEXT_HTML -> ArticleParser.fromText(
                    StrictText.decode(body, mediaType.getParameters().get(MediaType.CHARSET_PARAMETER)),
                    type, fields, ArticleParser.DEFAULT_SOURCE, receivedAt);
            default -> throw unsupported(type);
        };
        return Acks.await(intake.accept(article, CHANNEL), timeout);
    }

    /** An NDJSON batch. */
    public BatchResult submitBatch(byte[] body) throws RejectedArticleException {
        checkSize(body.length, maxBatchBytes, "batch");
        return batches.ingest(body);
    }

    public static boolean isBatch(MediaType mediaType) {
        return NDJSON.equals(baseType(mediaType));
    }

    private static String source(ArticleFields fields) {
        return fields != null && fields.source() != null && !fields.source().isBlank() ? fields.source() : ArticleParser.DEFAULT_SOURCE;
    }

    private static void checkSize(long length, long limit, String what) throws RejectedArticleException {
        if (length > limit) {
            throw new RejectedArticleException(Rejection.TOO_LARGE, "The " + what + " is " + length
                    + " bytes; the limit is " + limit + " bytes (" + (limit / (1024 * 1024)) + " MiB)"
                    + ("article".equals(what) ? ". Split it, or send it as HTML/plain text without embedded media." : ". Send smaller batches."),
                    java.util.Map.of("limit", limit));
        }
    }

    private static String baseType(MediaType mediaType) {
        return mediaType == null ? "" : (mediaType.getType() + "/" + mediaType.getSubtype()).toLowerCase(Locale.ROOT);
    }

    private static RejectedArticleException unsupported(String type) {
        return new RejectedArticleException(Rejection.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + type
                + "' is not accepted; send application/json, text/plain, text/html or application/x-ndjson.");
    }
}
