package dev.newswire.ingest.http;

import dev.newswire.ingest.config.IngestConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * When {@code newswire.ingest.api-keys} is set, a request needs {@code Authorization: Bearer <key>}
 * or {@code X-Api-Key: <key>} if it writes (POST, PUT, PATCH, DELETE, on any path) or if it
 * reaches a replay or feed endpoint with any method (GET /api/replay lists folders and progress,
 * GET /api/feeds names the hosts ingest fetches from, allow-listed internal ones included). Other
 * reads stay open. Keys are compared in constant time and never logged or echoed.
 * <p>
 * The replay rule is enforced after the request was matched to its resource method, not by
 * comparing the path: {@code /api;x/replay}, {@code /api%2Freplay}, {@code //api/replay},
 * {@code /api/./replay} or a trailing slash may or may not reach {@link ReplayResource}, but
 * whichever path form does reach it meets this check. Writes are refused before matching too, so
 * no path form of a write gets in without a key.
 */
public class ApiKeyFilter {

    public static final String API_KEY_HEADER = "X-Api-Key";
    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final List<byte[]> keys;

    public ApiKeyFilter(IngestConfig config) {
        this.keys = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    public void requireKeyForWrites(ContainerRequestContext request) {
        if (!keys.isEmpty() && WRITES.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            requireKey(request);
        }
    }

    @ServerRequestFilter
    public void requireKeyForReplays(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!keys.isEmpty() && resource != null && (ReplayResource.class.equals(resource.getResourceClass())
                || FeedResource.class.equals(resource.getResourceClass()))) {
            requireKey(request);
        }
    }

    private void requireKey(ContainerRequestContext request) {
        String presented = presentedKey(request);
        if (presented == null) {
            throw new UnauthorizedException("This service requires an API key for writes and replays: send "
                    + "'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (byte[] key : keys) {
            valid |= MessageDigest.isEqual(key, candidate);
        }
        if (!valid) {
            throw new UnauthorizedException("The API key is not valid for this service.");
        }
    }

    private static String presentedKey(ContainerRequestContext request) {
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
