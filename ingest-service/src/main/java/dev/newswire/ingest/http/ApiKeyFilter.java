package dev.newswire.ingest.http;

import dev.newswire.ingest.config.IngestConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When {@code newswire.ingest.api-keys} is set, every write (POST, PUT, PATCH, DELETE) under /api
 * needs {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}. Reads stay open. Keys are
 * compared in constant time and never logged or echoed.
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
        if (keys.isEmpty() || !WRITES.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String presented = presentedKey(request);
        if (presented == null) {
            throw new UnauthorizedException("This service requires an API key for writes: send "
                    + "'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(key, candidate)) {
                return;
            }
        }
        throw new UnauthorizedException("The API key is not valid for this service.");
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
