package dev.newswire.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.api.support.RawHttp;
import dev.newswire.kafka.NewswireKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 item 11: the page and every endpoint send CSP (no inline script, no framing), nosniff,
 * X-Frame-Options and Referrer-Policy; page assets revalidate by ETag instead of being cached
 * for a day; Swagger UI is off unless switched on (OpenAPI stays); CORS is off by default.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class SecurityHeadersTest {

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/app.js", "/app.css", "/api/articles", "/api/tags", "/api/nope",
            "/nope", "/q/openapi", "/q/health/live", "/api/stream"})
    void everyAnswerCarriesTheSecurityHeaders(String target) {
        RawHttp.Answer answer = RawHttp.get(root.getPort(), target);
        String csp = answer.header("content-security-policy");
        assertThat(csp).as(target).isNotNull().contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("x-frame-options")).isEqualTo("DENY");
        assertThat(answer.header("referrer-policy")).isEqualTo("no-referrer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app.js", "/app.css", "/", "/index.html"})
    void pageAssetsRevalidateByETag(String target) {
        RawHttp.Answer first = RawHttp.get(root.getPort(), target);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("cache-control")).contains("no-cache").doesNotContain("immutable").doesNotContain("max-age=86400");
        String etag = first.header("etag");
        assertThat(etag).isNotBlank().startsWith("\"");

        RawHttp.Answer again = RawHttp.get(root.getPort(), target, "If-None-Match: " + etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("etag")).isEqualTo(etag);
        assertThat(RawHttp.get(root.getPort(), target, "If-None-Match: W/" + etag + ", \"other\"").status()).isEqualTo(304);
        assertThat(RawHttp.get(root.getPort(), target, "If-None-Match: \"stale\"").status()).isEqualTo(200);
    }

    @Test
    void thePageHasNoInlineScriptAndServesItsScript() {
        String page = RawHttp.get(root.getPort(), "/").body();
        assertThat(page).contains("<script src=\"app.js\"></script>");
        assertThat(page.replace("<script src=\"app.js\"></script>", "")).doesNotContain("<script").doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("style=");
        RawHttp.Answer script = RawHttp.get(root.getPort(), "/app.js");
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(script.body()).contains("EventSource");
    }

    @Test
    void swaggerUiIsOffByDefaultButOpenApiStays() {
        assertThat(RawHttp.get(root.getPort(), "/q/swagger-ui/").status()).isEqualTo(404);
        assertThat(RawHttp.get(root.getPort(), "/q/swagger-ui").status()).isEqualTo(404);
        RawHttp.Answer openapi = RawHttp.get(root.getPort(), "/q/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/articles");
    }

    @Test
    void corsIsOffByDefault() {
        RawHttp.Answer simple = RawHttp.get(root.getPort(), "/api/articles", "Origin: https://evil.example");
        assertThat(simple.status()).isEqualTo(200);
        assertThat(simple.header("access-control-allow-origin")).isNull();
        RawHttp.Answer preflight = RawHttp.send(root.getPort(), "OPTIONS", "/api/articles", null,
                "Origin: https://evil.example", "Access-Control-Request-Method: GET");
        assertThat(preflight.header("access-control-allow-origin")).isNull();
        RawHttp.Answer stream = RawHttp.get(root.getPort(), "/api/stream", "Origin: https://evil.example");
        assertThat(stream.header("access-control-allow-origin")).isNull();
    }
}
