package dev.newswire.enrich.pipeline.models;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * One thread's native buffers for a single-text MiniLM call: the input ids and the model's token
 * vectors, reused from call to call. ONNX Runtime reads a direct buffer in place and writes a pinned
 * output into one, so a call neither copies its ids into a fresh direct buffer nor copies the
 * [T x 384] output into a fresh heap buffer (about 140 KB per Reuters lead). One per thread
 * ({@link ThreadLocal}): ONNX sessions are shared, these buffers cannot be.
 */
final class ModelScratch {

    private static final ThreadLocal<ModelScratch> PER_THREAD = ThreadLocal.withInitial(ModelScratch::new);

    /** The tokenizer truncates to 128 tokens; longer inputs (never fed today) grow the buffers. */
    private static final int INITIAL_TOKENS = 128;

    private LongBuffer ids = longs(INITIAL_TOKENS);
    private FloatBuffer hidden = floats(INITIAL_TOKENS * SentenceEmbedder.DIMENSIONS);

    static ModelScratch current() {
        return PER_THREAD.get();
    }

    /** The ids in this thread's input buffer, as a direct buffer of exactly their length. */
    LongBuffer ids(long[] values) {
        if (ids.capacity() < values.length) {
            ids = longs(values.length);
        }
        ids.clear();
        ids.put(values);
        return ids.slice(0, values.length);
    }

    /** This thread's output buffer for {@code tokens} token vectors, exactly that long. */
    FloatBuffer hidden(int tokens) {
        int length = tokens * SentenceEmbedder.DIMENSIONS;
        if (hidden.capacity() < length) {
            hidden = floats(length);
        }
        return hidden.slice(0, length);
    }

    static LongBuffer longs(int length) {
        return ByteBuffer.allocateDirect(length * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    private static FloatBuffer floats(int length) {
        return ByteBuffer.allocateDirect(length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
