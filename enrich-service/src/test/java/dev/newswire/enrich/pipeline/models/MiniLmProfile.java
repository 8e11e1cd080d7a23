package dev.newswire.enrich.pipeline.models;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.newswire.enrich.bench.PipelineBench;
import dev.newswire.model.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where one MiniLM call's CPU goes (bench, not a test): the tokenizer path fed today against one
 * encode, session.run with fixed ids under several ONNX Runtime session options, and the output
 * copy. Thread CPU of the caller and process CPU (to see threads ONNX might spin). Args:
 * reutersJsonDir count [rounds]
 */
public final class MiniLmProfile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("ab")) {
            alternate(leads(Path.of(args[1]), Integer.parseInt(args[2])), Integer.parseInt(args[3]));
            return;
        }
        if (args[0].equals("compare")) {
            compare(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        List<String> texts = leads(Path.of(args[0]), Integer.parseInt(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        byte[] tokenizerJson;
        byte[] model;
        try (InputStream t = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
             InputStream m = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
            tokenizerJson = t.readAllBytes();
            model = m.readAllBytes();
        }
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"));
        System.out.println("tokenizer truncation " + tokenizer.getTruncation() + " maxLength " + tokenizer.getMaxLength()
                + "; 700 words -> " + tokenizer.tokenize("word ".repeat(700)).size() + " tokens");
        List<long[]> ids = new ArrayList<>();
        int sum = 0;
        for (String text : texts) {
            long[] row = tokenizer.encode(text).getIds();
            ids.add(row);
            sum += row.length;
        }
        System.out.printf("%d texts, mean %.1f tokens%n", texts.size(), (double) sum / texts.size());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, Consumer<OrtSession.SessionOptions>> variants = new java.util.LinkedHashMap<>();
        variants.put("as shipped (ALL_OPT)", o -> { });
        if (System.getProperty("ort.profile") != null) {
            variants.put("profiled", o -> call(() -> o.enableProfiling(System.getProperty("ort.profile"))));
            variants.put("optimized model written", o -> call(() -> o.setOptimizedModelFilePath(System.getProperty("ort.profile") + ".onnx")));
        }
        variants.put("no spinning", o -> config(o, "session.intra_op.allow_spinning", "0"));
        variants.put("no inter-op spinning", o -> config(o, "session.inter_op.allow_spinning", "0"));
        variants.put("memory pattern off", o -> call(() -> o.setMemoryPatternOptimization(false)));
        variants.put("cpu arena off", o -> call(() -> o.setCPUArenaAllocator(false)));
        variants.put("EXTENDED_OPT", o -> call(() -> o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT)));
        variants.put("BASIC_OPT", o -> call(() -> o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT)));
        variants.put("gelu approximation", o -> config(o, "optimization.enable_gelu_approximation", "1"));
        variants.put("denormal as zero", o -> config(o, "session.set_denormal_as_zero", "1"));
        variants.put("disable prepacking", o -> config(o, "session.disable_prepacking", "1"));
        Map<String, OrtSession> sessions = new java.util.LinkedHashMap<>();
        for (var v : variants.entrySet()) {
            OrtSession.SessionOptions o = new OrtSession.SessionOptions();
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            v.getValue().accept(o);
            sessions.put(v.getKey(), env.createSession(model, o));
        }
        OrtSession shipped = sessions.values().iterator().next();
        if (System.getProperty("paired") != null) {
            List<String> names = new ArrayList<>(sessions.keySet());
            for (int round = 0; round <= rounds; round++) {
                long[] cpu = new long[names.size()];
                for (int i = 0; i < ids.size(); i++) {
                    for (int k = 0; k < names.size(); k++) {
                        int which = (i + k) % names.size();
                        long t0 = THREADS.getCurrentThreadCpuTime();
                        runBuffer(env, sessions.get(names.get(which)), ids.get(i));
                        cpu[which] += THREADS.getCurrentThreadCpuTime() - t0;
                    }
                }
                StringBuilder line = new StringBuilder("paired round " + round + ":");
                for (int k = 0; k < names.size(); k++) {
                    line.append(String.format(" %s %.2f;", names.get(k), cpu[k] / 1e6 / ids.size()));
                }
                System.out.println(line + " [load " + Files.readString(Path.of("/proc/loadavg")).trim() + "]");
            }
            return;
        }

        for (int round = 0; round < rounds; round++) {
            String tag = round == 0 ? "warm-up " : "round " + round + " ";
            report(tag + "tokens as fed today (tokenize, buildSentence, tokenize, encode)", texts, t -> {
                List<String> pieces = tokenizer.tokenize(t);
                Encoding e = tokenizer.encode(asText(tokenizer, pieces.subList(1, pieces.size() - 1)), true, false);
                e.getIds();
            });
            report(tag + "one encode(text)", texts, t -> tokenizer.encode(t).getIds());
            long handle = tokenizer.getHandle();
            report(tag + "native encode, ids only", texts, t -> {
                long e = ai.djl.huggingface.tokenizers.jni.TokenizersLibrary.LIB.encode(handle, t, true);
                ai.djl.huggingface.tokenizers.jni.TokenizersLibrary.LIB.getTokenIds(e);
                ai.djl.huggingface.tokenizers.jni.TokenizersLibrary.LIB.deleteEncoding(e);
            });
            report(tag + "ids compared (old path == encode)", texts, t -> { });
            int[] differ = {0};
            for (String t : texts) {
                List<String> pieces = tokenizer.tokenize(t);
                long[] old = tokenizer.encode(asText(tokenizer, pieces.subList(1, pieces.size() - 1)), true, false).getIds();
                if (!java.util.Arrays.equals(old, tokenizer.encode(t).getIds())) {
                    differ[0]++;
                    if (round == 0 && differ[0] <= 3) {
                        System.out.println("  differs: " + t);
                    }
                }
            }
            System.out.println("  texts whose ids differ: " + differ[0] + " of " + texts.size());
            report(tag + "run + getValue() copy + pool", ids, row -> runCopy(env, shipped, row));
            report(tag + "run + FloatBuffer pool", ids, row -> runBuffer(env, shipped, row));
            for (var s : sessions.entrySet()) {
                report(tag + "run + FloatBuffer pool, " + s.getKey(), ids, row -> runBuffer(env, s.getValue(), row));
            }
        }
        double maxDelta = 0;
        for (long[] row : ids) {
            float[] a = runBuffer(env, shipped, row);
            float[] b = runBuffer(env, sessions.get("gelu approximation"), row);
            for (int d = 0; d < a.length; d++) {
                maxDelta = Math.max(maxDelta, Math.abs(a[d] - b[d]) / row.length);
            }
        }
        System.out.println("gelu approximation: max |delta| of the mean-pooled vector " + maxDelta);
        if (sessions.containsKey("profiled")) {
            System.out.println("profile: " + sessions.get("profiled").endProfiling());
        }
    }

    /**
     * {@code compare REUTERS_DIR N BBC_JSONL}: on Reuters leads and BBC leads (title + 60 words of the
     * body), the ids of the one-call path against LangChain4j's, and the largest vector difference.
     */
    static void compare(Path reuters, int count, Path bbc) throws Exception {
        MiniLmModel model = new MiniLmModel();
        SentenceEmbedder embedder = new SentenceEmbedder();
        HuggingFaceTokenizer tokenizer;
        try (InputStream t = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(t, Map.of("padding", "false"));
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> bbcTexts = new ArrayList<>();
        for (String line : Files.readAllLines(bbc)) {
            var item = json.readTree(line);
            String[] words = item.get("body").asText().strip().split("\\s+");
            String title = item.hasNonNull("title") ? item.get("title").asText() + ". " : "";
            bbcTexts.add(title + String.join(" ", List.of(words).subList(0, Math.min(60, words.length))));
        }
        for (var corpus : Map.of("reuters", leads(reuters, count), "bbc", bbcTexts).entrySet()) {
            int differ = 0;
            int truncated = 0;
            double largest = 0;
            for (String text : corpus.getValue()) {
                List<String> pieces = tokenizer.tokenize(text);
                long[] old = tokenizer.encode(asText(tokenizer, pieces.subList(1, pieces.size() - 1)), true, false).getIds();
                long[] now = model.ids(text);
                differ += java.util.Arrays.equals(old, now) ? 0 : 1;
                truncated += now != null && now.length == 128 ? 1 : 0;
                float[] before = SentenceEmbedder.normalised(model.embed(text).content().vector());
                float[] after = embedder.embed(text);
                for (int d = 0; d < after.length; d++) {
                    largest = Math.max(largest, Math.abs(after[d] - before[d]));
                }
            }
            System.out.printf("%s: %d texts, ids differ on %d, %d truncated at 128 tokens, largest |vector delta| %.2e%n",
                    corpus.getKey(), corpus.getValue().size(), differ, truncated, largest);
        }
    }

    /**
     * {@code ab REUTERS_DIR N ROUNDS}: LangChain4j's single-text path (what the service called before)
     * and the one-call path, text by text in alternating order on one thread, so both see the same
     * load; thread CPU per text of each, and the paired difference.
     */
    static void alternate(List<String> texts, int rounds) throws Exception {
        MiniLmModel model = new MiniLmModel();
        SentenceEmbedder embedder = new SentenceEmbedder();
        long[] cpu = new long[2];
        List<Double> differences = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            long[] sum = new long[2];
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                for (int k = 0; k < 2; k++) {
                    int which = (i + k) % 2;
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    if (which == 0) {
                        SentenceEmbedder.normalised(model.embed(text).content().vector());
                    } else {
                        embedder.embed(text);
                    }
                    sum[which] += THREADS.getCurrentThreadCpuTime() - t0;
                }
            }
            if (round > 0) {
                cpu[0] += sum[0];
                cpu[1] += sum[1];
                differences.add((sum[0] - sum[1]) / 1e6 / texts.size());
            }
            System.out.printf("round %d: LangChain4j path %.3f ms, one-call path %.3f ms CPU per text [load %s]%n", round,
                    sum[0] / 1e6 / texts.size(), sum[1] / 1e6 / texts.size(), Files.readString(Path.of("/proc/loadavg")).trim());
        }
        double n = (double) rounds * texts.size();
        System.out.printf("all %d rounds: LangChain4j path %.3f ms, one-call path %.3f ms CPU per text; saving per round %s ms%n",
                rounds, cpu[0] / 1e6 / n, cpu[1] / 1e6 / n, differences.stream().map(d -> String.format("%.3f", d)).toList());
    }

    static List<String> leads(Path reuters, int count) throws Exception {
        List<String> texts = new ArrayList<>();
        for (RawArticle a : PipelineBench.reuters(reuters, count)) {
            String[] words = a.body().strip().split("\\s+");
            texts.add((a.title() == null ? "" : a.title() + ". ") + String.join(" ", List.of(words).subList(0, Math.min(60, words.length))));
        }
        return texts;
    }

    private static <T> void report(String what, List<T> items, ThrowingConsumer<T> work) throws Exception {
        long thread0 = THREADS.getCurrentThreadCpuTime();
        long process0 = OS.getProcessCpuTime();
        for (T item : items) {
            work.accept(item);
        }
        double thread = (THREADS.getCurrentThreadCpuTime() - thread0) / 1e6 / items.size();
        double process = (OS.getProcessCpuTime() - process0) / 1e6 / items.size();
        System.out.printf("%-90s thread %.3f ms, process %.3f ms per text [load %s]%n", what, thread, process,
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static float[] runCopy(OrtEnvironment env, OrtSession session, long[] ids) throws Exception {
        try (OrtSession.Result r = session.run(inputs(env, ids))) {
            float[][] hidden = ((float[][][]) r.get(0).getValue())[0];
            float[] sum = new float[hidden[0].length];
            for (float[] row : hidden) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += row[d];
                }
            }
            return sum;
        }
    }

    private static float[] runBuffer(OrtEnvironment env, OrtSession session, long[] ids) throws Exception {
        try (OrtSession.Result r = session.run(inputs(env, ids))) {
            FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] sum = new float[384];
            for (int t = 0; t < ids.length; t++) {
                for (int d = 0; d < 384; d++) {
                    sum[d] += hidden.get(t * 384 + d);
                }
            }
            return sum;
        }
    }

    private static Map<String, OnnxTensor> inputs(OrtEnvironment env, long[] ids) throws Exception {
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        java.util.Arrays.fill(ones, 1);
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
        in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape));
        in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
        return in;
    }

    static String asText(HuggingFaceTokenizer tokenizer, List<String> words) {
        String text = tokenizer.buildSentence(words);
        List<String> again = new LinkedList<>(tokenizer.tokenize(text));
        again.remove(0);
        again.remove(again.size() - 1);
        return again.equals(words) ? text : String.join("", words);
    }

    private static void config(OrtSession.SessionOptions o, String key, String value) {
        call(() -> o.addConfigEntry(key, value));
    }

    private static void call(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }
}
