package dev.newswire.ingest.http;

import dev.newswire.ingest.config.IngestConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses writes from web pages of other sites. Any page can make a browser send a "simple" cross-site
 * POST (text/plain, no preflight) to an ingest on loopback; the browser then adds an {@code Origin}
 * header, which no crawler or curl sends. So: a write (POST/PUT/PATCH/DELETE, on every path and for
 * every content type, replay included) whose Origin is present and not allowed is 403. Allowed:
 * no Origin; an origin listed in {@code newswire.ingest.allowed-origins}; the service's own origin
 * when it is addressed by an IP literal or localhost (a DNS name could be rebound to 127.0.0.1 by
 * the attacker's page, making its origin look like ours).
 */
public class OriginFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern LITERAL_HOST = Pattern.compile("(?i)(localhost|\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+\\])(:\\d+)?");

    private final List<String> allowed;

    public OriginFilter(IngestConfig config) {
        this.allowed = config.allowedOrigins().orElse(List.of()).stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(OriginFilter::normalise)
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseForeignWrites(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        List<String> origins = request.getHeaders().get("Origin");
        if (origins == null || origins.isEmpty()) {
            return;
        }
        for (String origin : origins) {
            String normalised = normalise(origin);
            if (!allowed.contains(normalised) && !isOwn(normalised, request)) {
                throw new ForbiddenOriginException("Writes from web pages of another origin are refused; this service"
                        + " allows no Origin header" + (allowed.isEmpty() ? "" : " or one of newswire.ingest.allowed-origins")
                        + ". Post from a server or a command line, or add the page's origin to NEWSWIRE_INGEST_ALLOWED_ORIGINS.");
            }
        }
    }

    private static boolean isOwn(String origin, ContainerRequestContext request) {
        String host = request.getHeaderString("Host");
        if (host == null || !LITERAL_HOST.matcher(host.strip()).matches()) {
            return false;
        }
        URI uri = request.getUriInfo().getRequestUri();
        return origin.equals(normalise(uri.getScheme() + "://" + host.strip()));
    }

    private static String normalise(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
