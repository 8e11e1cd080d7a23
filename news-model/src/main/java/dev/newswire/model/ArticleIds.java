package dev.newswire.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The article id rule, in one place. The id is stable, so the same article sent twice gets the
 * same id and the compacted enriched topic keeps one record per article:
 * <ul>
 *   <li>with an http(s) URL: from the canonical URL (lower-case scheme and host, no fragment, no
 *       {@code utm_*} or click-tracking parameters, no default port, empty path as "/");</li>
 *   <li>otherwise: from the normalised text (Unicode NFC, all whitespace runs collapsed to one
 *       space, trimmed).</li>
 * </ul>
 * The id is the first 16 hex digits of the SHA-256 of a prefixed key ({@code url:} or
 * {@code text:}), so a URL can never collide with a body that happens to spell it.
 */
public final class ArticleIds {

    /** Query parameters that identify a click or campaign, never the article. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
            "_ga", "_gl", "ocid", "cmpid", "smid", "ref_src");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final int ID_HEX_DIGITS = 16;

    private ArticleIds() {
    }

    /** The id for an article: from its URL when it has a usable one, else from its body. */
    public static String of(String url, String body) {
        return canonicalUrl(url)
                .map(canonical -> hash("url:" + canonical))
                .orElseGet(() -> hash("text:" + normaliseText(body)));
    }

    /**
     * The canonical form of an http(s) URL, or empty when {@code url} is blank, not absolute or not
     * http(s).
     */
    public static Optional<String> canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = canonicalQuery(uri.getRawQuery());
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                    + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** True for an absolute http or https URL with a host. */
    public static boolean isWebUrl(String url) {
        return canonicalUrl(url).isPresent();
    }

    /** Unicode NFC, whitespace runs (including no-break and zero-width spaces) to one space, trimmed. */
    public static String normaliseText(String text) {
        if (text == null) {
            return "";
        }
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Stream.of(rawQuery.split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
