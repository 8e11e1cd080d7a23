package dev.newswire.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a request body into memory only within its limit, and only as far as the bytes-in-flight
 * lease allows: the declared Content-Length is checked before anything is read, a body without one
 * is counted while it is read and refused as soon as it passes the limit.
 */
final class BoundedBody {

    private static final int CHUNK = 64 * 1024;

    private BoundedBody() {
    }

    /** The whole body; {@code declaredLength} is the Content-Length, or -1 when there was none. */
    static byte[] read(InputStream in, long declaredLength, long limit, BytesInFlight.Lease lease, String what)
            throws RejectedArticleException {
        checkDeclared(declaredLength, limit, what);
        try {
            if (declaredLength >= 0) {
                lease.grow(declaredLength);
                byte[] body = in.readNBytes((int) declaredLength);
                return body;
            }
            byte[] body = new byte[0];
            int length = 0;
            byte[] chunk = new byte[CHUNK];
            int read;
            while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                if ((long) length + read > limit) {
                    throw tooLarge(what, "more than " + limit, limit);
                }
                lease.grow(read);
                if (length + read > body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(limit, Math.max(2L * body.length, length + read)));
                }
                System.arraycopy(chunk, 0, body, length, read);
                length += read;
            }
            return length == body.length ? body : Arrays.copyOf(body, length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
    }

    static void checkDeclared(long declaredLength, long limit, String what) throws RejectedArticleException {
        if (declaredLength > limit) {
            throw tooLarge(what, Long.toString(declaredLength), limit);
        }
    }

    static RejectedArticleException tooLarge(String what, String length, long limit) {
        return new RejectedArticleException(Rejection.TOO_LARGE, "The " + what + " is " + length
                + " bytes; the limit is " + limit + " bytes (" + (limit / (1024 * 1024)) + " MiB)"
                + ("article".equals(what) ? ". Split it, or send it as HTML/plain text without embedded media." : ". Send smaller batches."),
                Map.of("limit", limit));
    }
}
