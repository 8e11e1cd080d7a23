package dev.newswire.ingest.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the OS) for feed tests: serves what a test puts
 * at a path, the way publishers do (ETag/304, gzip, redirects, errors with Retry-After) or the way
 * hostile servers do (endless bodies, slow drip, redirect loops), and records every request.
 */
public final class FeedServer implements AutoCloseable {

    /**
     * One request as the server saw it: path, headers (lower-case names), when it started and ended.
     * Recorded when the request arrives (before the answer), so a client that has its answer always
     * finds its request here.
     */
    public static final class Hit {
        private final String path;
        private final Map<String, String> headers;
        private final long startNanos;
        private volatile long endNanos = Long.MAX_VALUE;

        Hit(String path, Map<String, String> headers, long startNanos) {
            this.path = path;
            this.headers = headers;
            this.startNanos = startNanos;
        }

        public String path() {
            return path;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public long startNanos() {
            return startNanos;
        }

        /** When the answer was done; Long.MAX_VALUE while it is still being sent. */
        public long endNanos() {
            return endNanos;
        }

        @Override
        public String toString() {
            return "Hit[" + path + ", " + headers + "]";
        }
    }

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "feed-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private FeedServer(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static FeedServer start() {
        return start("127.0.0.1");
    }

    public static FeedServer start(String address) {
        try {
            return new FeedServer(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FeedServer serve(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Most requests this server handled at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String path = exchange.getRequestURI().getRawPath();
        Hit hit = new Hit(path, headers, start);
        hits.add(hit);
        try (exchange) {
            Handler handler = handlers.get(path);
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                handler.handle(exchange);
            }
        } catch (IOException e) {
            // the client went away (a cancelled drip, a capped body): nothing to answer
        } finally {
            hit.endNanos = System.nanoTime();
            inFlight.decrementAndGet();
        }
    }

    // --- handlers ---

    /** 200 with the body and an ETag; 304 when the request's If-None-Match is that ETag. */
    public static Handler document(String contentType, byte[] body, String etag) {
        return exchange -> {
            if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            send(exchange, 200, body);
        };
    }

    public static Handler rss(byte[] body, String etag) {
        return document("application/rss+xml; charset=utf-8", body, etag);
    }

    public static Handler html(String body) {
        return document("text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), null);
    }

    public static Handler gzip(String contentType, byte[] body) {
        return exchange -> {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
                out.write(body);
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, 200, packed.toByteArray());
        };
    }

    public static Handler status(int status, String retryAfter) {
        return exchange -> {
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            send(exchange, status, ("status " + status).getBytes(StandardCharsets.UTF_8));
        };
    }

    public static Handler redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** Chunked, no Content-Length: {@code total} bytes of feed-looking text, as fast as the client reads. */
    public static Handler endless(long total) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "<item><title>x</title></item>".repeat(2000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < total; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        };
    }

    /** Answers at once, then drips one byte every 200 ms for up to 30 s: every read succeeds, the whole never ends. */
    public static Handler drip() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // the server is slow on purpose
                out.write(' ');
                out.flush();
            }
        };
    }

    /** A slow but well-behaved server: answers after {@code millis}. */
    public static Handler slow(long millis, Handler then) {
        return exchange -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis)); // the server is slow on purpose
            then.handle(exchange);
        };
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
