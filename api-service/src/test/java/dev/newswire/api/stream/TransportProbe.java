package dev.newswire.api.stream;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * Run in its own JVM by {@link NativeTransportFallbackTest}: a Vert.x that prefers the native
 * transport, as the api-service's configuration asks, serves one request on 127.0.0.1 and prints
 * {@code transport: epoll|nio served}.
 */
public final class TransportProbe {

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(r -> r.response().end("served"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            String body = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            System.out.println("transport: " + (vertx.isNativeTransportEnabled() ? "epoll" : "nio") + " " + body);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
