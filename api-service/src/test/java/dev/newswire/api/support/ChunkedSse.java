package dev.newswire.api.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An SSE client on a plain socket that checks the HTTP/1.1 chunked framing byte for byte, as a strict
 * proxy would: every chunk is {@code hex-size CRLF exactly-that-many-bytes CRLF}, the stream ends with
 * the zero chunk. The events are parsed from the de-chunked bytes only, so a frame whose size line
 * is wrong, or two events glued into one malformed chunk, fail here even where a lenient client
 * (EventSource, curl) would still show them. Loopback only; reads are bounded by the socket timeout.
 */
public final class ChunkedSse implements AutoCloseable {

    /** One event: its {@code event:} name, {@code id:} and {@code data:} ({@code null} when absent). */
    public record Event(String name, String id, String data) {
    }

    private static final Pattern SIZE_LINE = Pattern.compile("[0-9a-fA-F]{1,8}");

    private final Socket socket;
    private final InputStream in;
    private final StringBuilder text = new StringBuilder();
    private final List<Event> events = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int chunks;
    private boolean ended;

    /** Connects with {@code receiveBuffer} bytes of socket window (0 = the system's) and sends the GET. */
    public ChunkedSse(String host, int port, String target, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(host, port));
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    /** Reads the status line and headers; the status must be 200 with chunked transfer coding. */
    public Map<String, String> readHead() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new AssertionError("status line: " + status);
        }
        for (String line; !(line = line()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            throw new AssertionError("not chunked: " + headers);
        }
        return headers;
    }

    /** Reads whole chunks until {@code count} events named {@code name} arrived or the stream ended. */
    public List<Event> readUntil(String name, int count) throws IOException {
        while (!ended && events.stream().filter(e -> name.equals(e.name())).count() < count) {
            readChunk();
        }
        return events;
    }

    public boolean ended() {
        return ended;
    }

    public int chunks() {
        return chunks;
    }

    public List<Event> events() {
        return events;
    }

    private void readChunk() throws IOException {
        String sizeLine = line();
        if (!SIZE_LINE.matcher(sizeLine).matches()) {
            throw new AssertionError("bad chunk size line after " + chunks + " chunks: '" + sizeLine + "'");
        }
        int size = Integer.parseInt(sizeLine, 16);
        byte[] data = in.readNBytes(size);
        if (data.length != size) {
            throw new AssertionError("chunk cut short: " + data.length + " of " + size + " bytes");
        }
        if (in.read() != '\r' || in.read() != '\n') {
            throw new AssertionError("chunk of " + size + " bytes not followed by CRLF (size line wrong?)");
        }
        chunks++;
        if (size == 0) {
            ended = true;
            return;
        }
        text.append(new String(data, StandardCharsets.UTF_8));
        parseEvents();
    }

    /** Moves every complete event (ended by a blank line) from the text to the list; comments are skipped. */
    private void parseEvents() {
        for (int end; (end = text.indexOf("\n\n")) >= 0; ) {
            String block = text.substring(0, end);
            text.delete(0, end + 2);
            String name = null;
            String id = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (name != null || data != null) {
                events.add(new Event(name, id, data));
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new AssertionError("stream ended inside a line: '" + line + "'");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.US_ASCII);
        if (!s.endsWith("\r")) {
            throw new AssertionError("line not ended by CRLF: '" + s + "'");
        }
        return s.substring(0, s.length() - 1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
