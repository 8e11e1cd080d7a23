package dev.newswire.api.stream;

import dev.newswire.api.view.StoredArticle;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;

/**
 * One record's frame while one event loop fans it out: the plain SSE bytes (for subscribers that
 * write through Vert.x's response) and, built on first use, the same bytes framed as one HTTP/1.1
 * chunk in a pooled direct buffer that every {@link DirectChannel} on the loop writes as a retained
 * duplicate. One copy per record per loop instead of one per subscriber; {@link #release()} after the
 * loop's pass, the duplicates in the channels keep the memory until the kernel took the bytes.
 */
final class LiveFrame {

    private final StoredArticle stored;
    private ByteBuf chunk;

    LiveFrame(StoredArticle stored) {
        this.stored = stored;
    }

    Buffer frame() {
        return stored.frame();
    }

    ByteBuf chunk() {
        if (chunk == null) {
            chunk = DirectChannel.chunk(stored.frame().getByteBuf(), PooledByteBufAllocator.DEFAULT);
        }
        return chunk;
    }

    void release() {
        if (chunk != null) {
            chunk.release();
            chunk = null;
        }
    }
}
