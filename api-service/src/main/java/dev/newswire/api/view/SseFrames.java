package dev.newswire.api.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.model.NewsJson;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The bytes of the text/event-stream wire format. Article frames are built once per record and the
 * same {@link Buffer} is written to every subscriber (Vert.x duplicates the underlying ByteBuf per write).
 */
public final class SseFrames {

    private static final byte[] ARTICLE_HEAD = "event: article\nid: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private SseFrames() {
    }

    /** {@code event: article}, {@code id: token}, {@code data: json} (JSON has no raw newlines). */
    public static Buffer article(String token, byte[] json) {
        byte[] id = token.getBytes(StandardCharsets.US_ASCII);
        Buffer frame = Buffer.buffer(ARTICLE_HEAD.length + id.length + DATA.length + json.length + END.length);
        return frame.appendBytes(ARTICLE_HEAD).appendBytes(id).appendBytes(DATA).appendBytes(json).appendBytes(END);
    }

    /** Sent first: how long EventSource should wait before reconnecting. */
    public static Buffer retry(Duration retry) {
        return Buffer.buffer("retry: " + retry.toMillis() + "\n\n");
    }

    public static Buffer heartbeat() {
        return Buffer.buffer(": heartbeat " + Instant.now() + "\n\n");
    }

    /**
     * Records between a resume point and what the log still holds were deleted: say so instead of
     * skipping silently. The id moves the client's Last-Event-ID past the gap.
     */
    public static Buffer gap(Position after, Map<String, Object> description) {
        return event("gap", after.token(), description);
    }

    /** The final event to a subscriber that fell too far behind: reconnect from this id. */
    public static Buffer resync(Position resumeFrom, String reason) {
        String token = resumeFrom.token();
        return event("resync", token, Map.of("reason", reason, "lastEventId", token,
                "hint", "reconnect with Last-Event-ID (or ?lastEventId=) set to lastEventId"));
    }

    private static Buffer event(String name, String id, Object data) {
        try {
            return Buffer.buffer("event: " + name + "\nid: " + id + "\ndata: "
                    + NewsJson.mapper().writeValueAsString(data) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
