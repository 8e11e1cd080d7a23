package dev.newswire.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, the request target sent byte for byte: RestAssured and
 * java.net.http normalise paths ({@code ;}, {@code //}, dot segments), which would hide exactly the
 * path forms the security tests are about. Reads the answer until close, its Content-Length, or
 * (for an open event stream) just the head. Loopback only, bounded in time.
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private RawHttp() {
    }

    public static Answer get(int port, String target, String... headerLines) {
        return send(port, "GET", target, null, headerLines);
    }

    /** Sends {@code method target HTTP/1.1} with Host and Connection: close, the extra header lines and the body. */
    public static Answer send(int port, String method, String target, byte[] body, String... headerLines) {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // The server may answer (413) and close before reading the whole body: read that answer.
                }
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("raw HTTP " + method + " " + abbreviate(target) + " failed: " + e, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd = -1;
        while (headEnd < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a complete answer head: '" + bytes + "'");
            }
            bytes.write(b);
            headEnd = indexOfBlankLine(bytes.toByteArray());
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            return new Answer(status, headers, ""); // an open stream: the head says enough
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        byte[] buffer = new byte[8192];
        try {
            long wanted = length == null ? Long.MAX_VALUE : Long.parseLong(length);
            while (body.size() < wanted && body.size() < 1 << 20) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer
        }
        String text = body.toString(StandardCharsets.UTF_8);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            text = dechunk(text);
        }
        return new Answer(status, headers, text);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int end = Math.min(chunked.length(), eol + 2 + size);
            out.append(chunked, eol + 2, end);
            at = end + 2;
        }
        return out.toString();
    }

    private static int indexOfBlankLine(byte[] b) {
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n' ? n : -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
