package dev.newswire.api.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.VoidChannelPromise;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The live fan-out's write path below Vert.x's {@code HttpServerResponse}: one subscriber's HTTP/1.1
 * channel, written with frames that are already framed as chunks ({@link #chunk}), built once per
 * record and shared by every subscriber of an event loop as retained duplicates, with a void
 * promise, and flushed once per batch ({@link #flush}). Through the response each write costs
 * a {@code DefaultHttpContent}, the encoder's hex size line and trailing CRLF buffers, a promise, a
 * heap-to-direct copy of the 5 KB frame and a flush — per subscriber per event; profiles of the
 * 5,000-subscriber benchmark put most of the user-space CPU there (docs/benchmarks/api.md).
 *
 * <p>Written from the HTTP encoder's own pipeline context, so the bytes go to the socket unchanged
 * but in order with everything the response writes (same channel, same event loop, one outbound
 * buffer): the stream's head, heartbeats, gap and resync events and the final empty chunk keep going
 * through the response. The channel's writability (what {@code writeQueueFull()} and the drain
 * handler report) counts these bytes too, so the per-subscriber bound and the slow-consumer cut are
 * unchanged. Used only where that is exactly right: HTTP/1.1 with chunked framing and nothing between
 * the encoder and Vert.x's handler that transforms or queues writes (no compression, no TLS chunked
 * writer); anything else (HTTP/2, HTTP/1.0) keeps writing through the response ({@link #attach}
 * answers null). Relies on Vert.x internals ({@link ConnectionBase}): checked on every attach.
 * Vert.x's idle timer sits after the encoder and does not see these writes: the heartbeats, written
 * through the response, keep a stream from counting as idle ({@code quarkus.http.idle-timeout} must
 * stay well above {@code stream.heartbeat}, as documented).
 */
final class DirectChannel {

    /** Handlers allowed between the encoder and the tail: the idle timer and Vert.x's own handler. */
    private static final Set<String> PASS_THROUGH = Set.of("idle", "handler");
    private static final byte[] CRLF = {'\r', '\n'};

    private final ChannelHandlerContext encoder;
    /**
     * No allocation per write, and a failed write fires nothing: a socket that breaks is closed by
     * Netty and the subscriber learns it from the close (channelInactive → the response's close
     * handler). The channel's own void promise fires exceptionCaught once per queued event: the
     * stack of a 16 s blocked-event-loop warning (5,000 clients leaving at once) ran through it.
     */
    private final VoidChannelPromise silent;
    private final int maxUnflushed;
    private int unflushed;

    private DirectChannel(ChannelHandlerContext encoder, int maxUnflushed) {
        this.encoder = encoder;
        this.silent = new VoidChannelPromise(encoder.channel(), false);
        this.maxUnflushed = maxUnflushed;
    }

    /**
     * The direct path of this response, or null when it must keep writing through the response.
     * Call on the connection's event loop after the response wrote its head.
     */
    static DirectChannel attach(HttpServerResponse response, HttpConnection connection, int maxUnflushed) {
        if (!(connection instanceof ConnectionBase base) || !response.headWritten() || !response.isChunked()) {
            return null;
        }
        ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
        ChannelHandlerContext encoder = pipeline.context(HttpResponseEncoder.class);
        if (encoder == null || !base.channelHandlerContext().executor().inEventLoop()) {
            return null;
        }
        List<String> names = pipeline.names();
        for (int i = names.indexOf(encoder.name()) + 1; i < names.size(); i++) {
            String name = names.get(i);
            if (!PASS_THROUGH.contains(name) && !name.startsWith("DefaultChannelPipeline$TailContext")) {
                return null;
            }
        }
        return new DirectChannel(encoder, maxUnflushed);
    }

    /**
     * Queues one shared chunk (the caller keeps its own reference); the bytes leave at {@link #flush},
     * or at once when {@code maxUnflushed} bytes are waiting: unflushed bytes count against the
     * subscriber's queue bound too, so a long batch must not get a fast client cut.
     */
    void write(ByteBuf chunk) {
        unflushed += chunk.readableBytes();
        encoder.write(chunk.retainedDuplicate(), silent);
        if (unflushed >= maxUnflushed) {
            flush();
        }
    }

    /** One flush (one gathering write) for everything queued since the last. */
    void flush() {
        if (unflushed > 0) {
            unflushed = 0;
            encoder.flush();
        }
    }

    /**
     * {@code frame} framed as one HTTP/1.1 chunk ({@code size-in-hex CRLF bytes CRLF}) in a direct
     * buffer (a socket write of a heap buffer copies it to a direct one first). Never empty: an empty
     * chunk would end the response.
     */
    static ByteBuf chunk(ByteBuf frame, ByteBufAllocator allocator) {
        int size = frame.readableBytes();
        if (size == 0) {
            throw new IllegalArgumentException("an empty chunk ends the response");
        }
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuf chunk = allocator.directBuffer(head.length + size + CRLF.length);
        return chunk.writeBytes(head).writeBytes(frame, frame.readerIndex(), size).writeBytes(CRLF);
    }
}
