package dev.newswire.ingest.feeds.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * One bounded GET for the feed poller and the article fetcher, on {@code java.net.http.HttpClient}
 * (in the JDK, blocking calls fit the poll threads, per-request time-outs, redirects that can be
 * left to us). Redirects are followed here, at most {@code maxRedirects}, each hop through the
 * {@link AddressGuard} and the {@link HostGate}; the whole exchange, body included, must end
 * within {@code deadline} (a slow-drip server is cut off); the body is capped before and after
 * gzip is undone (a gzip bomb stops at the cap).
 */
public final class HttpFetcher {

    /** What to fetch; {@code etag}/{@code lastModified} make it conditional. */
    public record Request(URI uri, String accept, long maxBytes, String etag, String lastModified) {
    }

    /** A 2xx (with its body) or a 304 (empty body), after redirects. */
    public record Response(int status, URI uri, byte[] body, String contentType, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private static final long REDIRECT_BODY_CAP = 64 * 1024;

    private final HttpClient client;
    private final AddressGuard guard;
    private final HostGate gate;
    private final Duration deadline;
    private final int maxRedirects;
    private final String userAgent;

    public HttpFetcher(AddressGuard guard, HostGate gate, Duration connectTimeout, Duration deadline, int maxRedirects,
                       String userAgent) {
        this.guard = guard;
        this.gate = gate;
        this.deadline = deadline;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
        // HTTP/1.1: no h2c upgrade dance with plain-http feed servers; HTTPS feeds gain little from h2
        // for one document per poll.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    public String userAgent() {
        return userAgent;
    }

    public Response get(Request request) throws FetchException {
        long until = System.nanoTime() + deadline.toNanos();
        URI uri = request.uri();
        for (int hop = 0; ; hop++) {
            guard.check(uri);
            String host = hostKey(uri);
            gate.acquire(host, until);
            HttpResponse<byte[]> response;
            try {
                response = exchange(uri, request, until);
            } finally {
                gate.release(host);
            }
            int status = response.statusCode();
            if (status == 304) {
                return new Response(304, uri, new byte[0], null, header(response, "ETag"), header(response, "Last-Modified"));
            }
            if (status >= 200 && status < 300) {
                return new Response(status, uri, decode(response, request.maxBytes()), header(response, "Content-Type"),
                        header(response, "ETag"), header(response, "Last-Modified"));
            }
            String location = header(response, "Location");
            if (status >= 300 && status < 400 && location != null) {
                if (hop >= maxRedirects) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, "more than " + maxRedirects
                            + " redirects (last to " + clip(location) + ")", status, null);
                }
                try {
                    uri = uri.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException(FetchException.Kind.BAD_URL, "redirect to an invalid URL " + clip(location), status, null);
                }
                continue;
            }
            throw new FetchException(FetchException.Kind.HTTP_STATUS, "HTTP " + status + " from " + uri.getHost(), status,
                    retryAfter(header(response, "Retry-After")));
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, Request request, long until) throws FetchException {
        long left = until - System.nanoTime();
        if (left <= 0) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no time left for " + uri.getHost() + " within " + deadline);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofNanos(left))
                .header("User-Agent", userAgent)
                .header("Accept", request.accept())
                .header("Accept-Encoding", "gzip");
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        AtomicReference<CappedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(builder.build(), info -> {
            boolean redirect = info.statusCode() >= 300 && info.statusCode() < 400;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            CappedBody capped = new CappedBody(redirect ? REDIRECT_BODY_CAP : request.maxBytes(), redirect ? -1 : declared);
            body.set(capped);
            return capped;
        });
        try {
            return sent.get(Math.max(1, (until - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            CappedBody capped = body.get();
            if (capped != null) {
                capped.cancel();
            }
            sent.cancel(true);
            throw new FetchException(FetchException.Kind.TIMEOUT, "no complete answer from " + uri.getHost() + " within " + deadline);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            throw new FetchException(FetchException.Kind.TIMEOUT, "interrupted");
        }
    }

    private static FetchException translate(Throwable cause, URI uri) {
        Throwable root = cause;
        while (root.getCause() != null && !(root instanceof FetchException)) {
            root = root.getCause();
        }
        if (root instanceof FetchException fetch) {
            return fetch;
        }
        if (cause instanceof HttpTimeoutException || root instanceof HttpTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "no answer from " + uri.getHost() + " in time");
        }
        if (root instanceof ConnectException) {
            return new FetchException(FetchException.Kind.CONNECT, "cannot connect to " + uri.getHost() + ":" + port(uri));
        }
        return new FetchException(FetchException.Kind.CONNECT, "connection to " + uri.getHost() + " failed: " + root);
    }

    private static byte[] decode(HttpResponse<byte[]> response, long max) throws FetchException {
        String encoding = header(response, "Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return response.body();
        }
        if (!encoding.strip().equalsIgnoreCase("gzip") && !encoding.strip().equalsIgnoreCase("x-gzip")) {
            throw new FetchException(FetchException.Kind.NOT_A_FEED, "unsupported Content-Encoding " + clip(encoding));
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] plain = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (plain.length > max) {
                throw new FetchException(FetchException.Kind.TOO_LARGE, "the gzip answer unpacks to more than " + max + " bytes");
            }
            return plain;
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.NOT_A_FEED, "broken gzip body: " + e.getMessage());
        }
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(Instant.now(), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** {@code host:port}, the unit of politeness. */
    public static String hostKey(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String clip(String value) {
        return value.length() <= 120 ? value : value.substring(0, 117) + "...";
    }
}
