package dev.newswire.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads an NDJSON body line by line straight from the request stream, so a batch is never held as
 * one array: each line is at most {@code maxLineBytes} (a longer one is skipped to its end and
 * reported, not buffered), the body at most {@code maxBatchBytes} and {@code maxLines} lines (else
 * the whole batch is refused with 413 before anything is published). Every byte read is taken from
 * the request's bytes-in-flight lease.
 */
final class NdjsonLines {

    /** One line: its 1-based number, and its bytes without the line end (null when it was too long). */
    record Line(int number, byte[] bytes, long length) {
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final long maxBatchBytes;
    private final int maxLines;
    private final BytesInFlight.Lease lease;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private long total;
    private int number;
    private boolean ended;

    NdjsonLines(InputStream in, long maxLineBytes, long maxBatchBytes, int maxLines, BytesInFlight.Lease lease) {
        this.in = in;
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxLineBytes);
        this.maxBatchBytes = maxBatchBytes;
        this.maxLines = maxLines;
        this.lease = lease;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws RejectedArticleException {
        byte[] line = new byte[0];
        int length = 0;
        long fullLength = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            int end = indexOfNewline(buffer, position, limit);
            int stop = end < 0 ? limit : end;
            int take = stop - position;
            fullLength += take;
            if (fullLength <= maxLineBytes) {
                if (length + take > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + take, line.length * 2)));
                }
                System.arraycopy(buffer, position, line, length, take);
                length += take;
            }
            position = end < 0 ? limit : end + 1;
            if (end >= 0) {
                break;
            }
        }
        number++;
        if (number > maxLines) {
            drain();
            throw new RejectedArticleException(Rejection.TOO_MANY_LINES, "The batch has more than " + maxLines
                    + " lines; send at most " + maxLines + " articles per batch. Nothing was published.",
                    Map.of("maxLines", maxLines));
        }
        if (fullLength > maxLineBytes) {
            return new Line(number, null, fullLength);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new Line(number, length == line.length ? line : Arrays.copyOf(line, length), length);
    }

    private boolean fill() throws RejectedArticleException {
        if (ended) {
            return false;
        }
        try {
            int read = in.read(buffer, 0, buffer.length);
            if (read <= 0) {
                ended = true;
                return false;
            }
            total += read;
            if (total > maxBatchBytes) {
                throw BoundedBody.tooLarge("batch", "more than " + maxBatchBytes, maxBatchBytes);
            }
            lease.grow(read);
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
    }

    /**
     * Reads the rest of the body (up to the batch limit) without keeping it, so the client, still
     * sending, gets the 413 instead of a reset connection.
     */
    private void drain() {
        try {
            while (!ended && total <= maxBatchBytes) {
                int read = in.read(buffer, 0, buffer.length);
                if (read <= 0) {
                    ended = true;
                } else {
                    total += read;
                }
            }
        } catch (IOException e) {
            ended = true;
        }
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
