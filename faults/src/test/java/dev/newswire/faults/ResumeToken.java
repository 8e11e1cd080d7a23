package dev.newswire.faults;

import java.util.Base64;

/**
 * Reads api-service's resume token (ARCHITECTURE.md: the SSE {@code id}): version byte 1, a varint
 * partition count, one varint next-offset per partition, base64url. Read here from the outside, as a
 * client library would, rather than by linking the service's classes.
 */
final class ResumeToken {

    private ResumeToken() {
    }

    static long[] decode(String token) {
        byte[] bytes = Base64.getUrlDecoder().decode(token.trim());
        int[] cursor = {0};
        if (bytes.length < 2 || bytes[cursor[0]++] != 1) {
            throw new IllegalArgumentException("unknown resume token " + token);
        }
        long[] next = new long[(int) varint(bytes, cursor)];
        for (int i = 0; i < next.length; i++) {
            next[i] = varint(bytes, cursor);
        }
        return next;
    }

    private static long varint(byte[] bytes, int[] cursor) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[cursor[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("bad varint");
    }
}
