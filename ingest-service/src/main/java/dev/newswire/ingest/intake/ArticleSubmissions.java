package dev.newswire.ingest.intake;

import dev.newswire.ingest.config.IngestConfig;
import dev.newswire.model.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What {@code POST /api/articles} does, by media type: size check (before reading), a lease on
 * the bytes in flight, bounded reading, strict decoding, parsing, then publish and wait for the ack. Throws {@link RejectedArticleException} for bad input, the
 * messaging exceptions when the broker does not take it.
 */
@ApplicationScoped
public class ArticleSubmissions {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CHANNEL = "http";

    private final ArticleIntake intake;
    private final BatchIntake batches;
    private final BytesInFlight bytesInFlight;
    private final long maxArticleBytes;
    private final Duration timeout;

    public ArticleSubmissions(ArticleIntake intake, BatchIntake batches, BytesInFlight bytesInFlight, IngestConfig config) {
        this.intake = intake;
        this.batches = batches;
        this.bytesInFlight = bytesInFlight;
        this.maxArticleBytes = config.maxArticleSize().asLongValue();
        this.timeout = config.publish().timeout();
    }

    /**
     * One article as JSON, plain text or HTML; {@code fields} are the query parameters of a text post.
     * {@code declaredLength} is the Content-Length (-1 when chunked): checked before anything is read.
     */
    public Accepted submit(InputStream body, long declaredLength, MediaType mediaType, ArticleFields fields)
            throws RejectedArticleException {
        String type = baseType(mediaType);
        if (!MediaType.APPLICATION_JSON.equals(type) && !MediaType.TEXT_PLAIN.equals(type) && !MediaType.TEXT_HTML.equals(type)) {
            throw unsupported(type);
        }
        BoundedBody.checkDeclared(declaredLength, maxArticleBytes, "article");
        try (BytesInFlight.Lease lease = bytesInFlight.lease()) {
            byte[] bytes = BoundedBody.read(body, declaredLength, maxArticleBytes, lease, "article");
            Instant receivedAt = Instant.now();
            RawArticle article = MediaType.APPLICATION_JSON.equals(type)
                    ? ArticleParser.fromJson(StrictText.utf8(bytes), source(fields), receivedAt)
                    : ArticleParser.fromText(StrictText.decode(bytes, mediaType.getParameters().get(MediaType.CHARSET_PARAMETER)),
                            type, fields, ArticleParser.DEFAULT_SOURCE, receivedAt);
            return Acks.await(intake.accept(article, CHANNEL), timeout);
        }
    }

    /** An NDJSON batch, read line by line from {@code body}. */
    public BatchResult submitBatch(InputStream body, long declaredLength) throws RejectedArticleException {
        try (BytesInFlight.Lease lease = bytesInFlight.lease()) {
            return batches.ingest(body, declaredLength, lease);
        }
    }

    public static boolean isBatch(MediaType mediaType) {
        return NDJSON.equals(baseType(mediaType));
    }

    private static String source(ArticleFields fields) {
        return fields != null && fields.source() != null && !fields.source().isBlank() ? fields.source() : ArticleParser.DEFAULT_SOURCE;
    }

    private static String baseType(MediaType mediaType) {
        return mediaType == null ? "" : (mediaType.getType() + "/" + mediaType.getSubtype()).toLowerCase(Locale.ROOT);
    }

    private static RejectedArticleException unsupported(String type) {
        return new RejectedArticleException(Rejection.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + type
                + "' is not accepted; send application/json, text/plain, text/html or application/x-ndjson.");
    }
}
