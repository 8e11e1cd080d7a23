package dev.newswire.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.Problem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 3 for ingest: with keys set, no spelling of a write or replay path gets in without
 * a key. Requests go out on a raw socket so the path reaches the server exactly as written (no
 * client normalises {@code /./}, {@code /../} or {@code %2F} away).
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ApiKeyTest.WithKeys.class)
class KeyBypassTest {

    @TestHTTPResource("/")
    URL base;

    record Answer(int status, String contentType, String body) {
    }

    @Test
    void noPathFormOfAWriteOrReplayEndpointAnswersWithoutAKey() throws IOException {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (String[] call : List.of(
                new String[]{"POST", "/api/articles", "text/plain", "Bypass attempt body."},
                new String[]{"POST", "/api/replay", "application/json", "{\"dir\": \"../seeds\"}"},
                new String[]{"GET", "/api/replay", null, null},
                new String[]{"GET", "/api/replay/abc", null, null},
                new String[]{"DELETE", "/api/replay/abc", null, null})) {
            for (String path : variants(call[1])) {
                tried++;
                Answer answer = send(call[0], path, call[2], call[3]);
                boolean refused = (answer.status() == 401 || answer.status() == 404)
                        && answer.contentType() != null && answer.contentType().startsWith(Problem.MEDIA_TYPE);
                if (!refused) {
                    failures.add(call[0] + " " + path + " -> " + answer.status() + " " + answer.contentType());
                }
            }
        }
        // Not even a path (request target without the leading slash): refused before routing, never 2xx.
        for (String method : List.of("POST", "GET", "DELETE")) {
            Answer answer = send(method, "%2Fapi%2Freplay", "application/json", "{\"dir\": \"../seeds\"}");
            if (answer.status() < 400) {
                failures.add(method + " %2Fapi%2Freplay -> " + answer.status());
            }
        }
        assertThat(tried).isGreaterThan(60);
        assertThat(failures).as("answers other than 401/404 problem+json without a key").isEmpty();
    }

    /** The path as written plus the forms that slipped past the api-service's check (issue 9 item 3). */
    static Set<String> variants(String path) {
        Set<String> forms = new LinkedHashSet<>();
        String rest = path.substring("/api/".length()); // e.g. "replay/abc"
        forms.add(path);
        forms.add("/api;/" + rest);
        forms.add("/api;x/" + rest);
        forms.add("/api;x=y/" + rest);
        forms.add(path + ";");
        forms.add(path + ";x");
        forms.add(path.replaceFirst("/([^/]+)$", "/;/$1"));
        forms.add("/api%2F" + rest);
        forms.add("/api%2f" + rest);
        forms.add("/api%2F" + rest.replace("/", "%2F"));
        forms.add("/" + path);
        forms.add("/api//" + rest);
        forms.add("/./api/" + rest);
        forms.add("/api/./" + rest);
        forms.add("/api/x/../" + rest);
        forms.add("/x/../api/" + rest);
        forms.add("/api/%2e/" + rest);
        forms.add("/api/x/%2e%2e/" + rest);
        forms.add(path.toUpperCase(Locale.ROOT));
        forms.add("/API/" + rest);
        forms.add("/api/" + rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1));
        forms.add(path + "/");
        forms.add(path + "//");
        forms.add(path + "/.");
        forms.add(path + "?x=1");
        return forms;
    }

    private Answer send(String method, String path, String contentType, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nConnection: close\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int status = Integer.parseInt(text.substring(9, 12));
        String contentType = null;
        int headEnd = text.indexOf("\r\n\r\n");
        for (String line : text.substring(0, headEnd < 0 ? text.length() : headEnd).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        return new Answer(status, contentType, headEnd < 0 ? "" : text.substring(headEnd + 4));
    }
}
