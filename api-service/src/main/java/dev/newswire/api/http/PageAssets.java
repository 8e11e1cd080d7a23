package dev.newswire.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live page's files, served with {@code Cache-Control: no-cache} and a content-hash ETag, so a
 * browser revalidates (304) and never runs a day-old app.js after an upgrade. Quarkus's static
 * handler marks them {@code immutable, max-age=86400} and validates by date only; three small files
 * read once at start do not need more than this class.
 */
@ApplicationScoped
public class PageAssets {

    record Asset(Buffer bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    public PageAssets() {
        Asset index = load("index.html", "text/html; charset=utf-8");
        assets.put("/", index);
        assets.put("/index.html", index);
        assets.put("/app.js", load("app.js", "text/javascript; charset=utf-8"));
        assets.put("/app.css", load("app.css", "text/css; charset=utf-8"));
    }

    void install(@Observes Router router) {
        assets.forEach((path, asset) -> {
            router.route(HttpMethod.GET, path).order(HttpOrder.PAGE_ASSETS).handler(rc -> serve(rc, asset));
            router.route(HttpMethod.HEAD, path).order(HttpOrder.PAGE_ASSETS).handler(rc -> serve(rc, asset));
        });
    }

    private static void serve(RoutingContext rc, Asset asset) {
        HttpServerResponse response = rc.response()
                .putHeader("Cache-Control", "no-cache")
                .putHeader("ETag", asset.etag());
        if (matches(rc.request().getHeader("If-None-Match"), asset.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("Content-Type", asset.contentType());
        if (rc.request().method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(asset.bytes().length())).end();
        } else {
            response.end(asset.bytes());
        }
    }

    /** If-None-Match: a list of tags, weak or strong (weak comparison, RFC 9110 13.1.2), or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Asset load(String name, String contentType) {
        String resource = "META-INF/resources/" + name;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing page resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
            return new Asset(Buffer.buffer(bytes), contentType, etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
