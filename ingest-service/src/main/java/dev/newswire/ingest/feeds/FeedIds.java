package dev.newswire.ingest.feeds;

import dev.newswire.model.ArticleIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A feed's id: {@code "fd-"} + 16 hex digits of SHA-256 over its canonical URL (the article id
 * rule's URL canonicalisation: lower-case scheme and host, default port and fragment dropped,
 * tracking parameters removed). Registering the same feed again gives the same id, so a re-POST or
 * a re-declaration at start-up updates the feed instead of adding a second one.
 */
public final class FeedIds {

    private FeedIds() {
    }

    /** The canonical form of a feed URL, empty when it is not an absolute http(s) URL. */
    public static Optional<String> canonical(String url) {
        return ArticleIds.canonicalUrl(url);
    }

    public static String of(String canonicalUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("feed:" + canonicalUrl).getBytes(StandardCharsets.UTF_8));
            return "fd-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
