package dev.newswire.api.stream;

import dev.newswire.api.view.Position;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Where a stream begins: {@code from} null = live (new records only), else every record at or
 * after that position; {@code gaps} are the gap events to send first.
 */
public record StartPoint(Position from, List<Buffer> gaps) {

    public static final StartPoint LIVE = new StartPoint(null, List.of());

    public StartPoint {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}
