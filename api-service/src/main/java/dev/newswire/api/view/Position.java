package dev.newswire.api.view;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * A position in every partition of the topic: for each partition, the next offset to deliver.
 * It is what an SSE event id (the resume token) encodes, so a resume is exact on any instance:
 * "everything with offset >= next[p] in partition p", whatever order the instances merged partitions in.
 *
 * <p>Token layout: version byte {@code 1}, varint partition count, one varint per partition;
 * base64url without padding. Varints keep it short (a few bytes per partition) and URL-safe.
 */
public final class Position {

    private static final int VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final long[] next;

    private Position(long[] next) {
        this.next = next;
    }

    public static Position of(long... next) {
        return new Position(next.clone());
    }

    public int partitions() {
        return next.length;
    }

    /** Next offset for {@code partition}; 0 for a partition this position does not know (added later). */
    public long next(int partition) {
        return partition < next.length ? next[partition] : 0L;
    }

    public long[] toArray() {
        return next.clone();
    }

    /** This position with {@code partition} moved past {@code offset}. */
    public Position after(int partition, long offset) {
        long[] copy = Arrays.copyOf(next, Math.max(next.length, partition + 1));
        copy[partition] = Math.max(copy[partition], offset + 1);
        return new Position(copy);
    }

    public String token() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + next.length * 4);
        out.write(VERSION);
        writeVarint(out, next.length);
        for (long offset : next) {
            writeVarint(out, offset);
        }
        return ENCODER.encodeToString(out.toByteArray());
    }

    /** Parses a token; {@link IllegalArgumentException} when it is not one of ours. */
    public static Position parse(String token) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a resume token");
        }
        int[] cursor = {0};
        if (bytes.length < 2 || bytes[cursor[0]++] != VERSION) {
            throw new IllegalArgumentException("unknown resume token version");
        }
        long count = readVarint(bytes, cursor);
        if (count > 100_000) {
            throw new IllegalArgumentException("resume token names too many partitions");
        }
        long[] next = new long[(int) count];
        for (int i = 0; i < next.length; i++) {
            next[i] = readVarint(bytes, cursor);
        }
        if (cursor[0] != bytes.length) {
            throw new IllegalArgumentException("trailing bytes in resume token");
        }
        return new Position(next);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(byte[] bytes, int[] cursor) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (cursor[0] >= bytes.length) {
                throw new IllegalArgumentException("truncated resume token");
            }
            byte b = bytes[cursor[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IllegalArgumentException("negative offset in resume token");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long in resume token");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Position other && Arrays.equals(next, other.next);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(next);
    }

    @Override
    public String toString() {
        return Arrays.toString(next);
    }
}
