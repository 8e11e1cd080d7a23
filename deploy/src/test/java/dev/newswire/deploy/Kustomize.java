package dev.newswire.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with the kustomize built into kubectl, the way users will apply it. */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    /** The rendered documents of one kustomization folder, as generic maps in document order. */
    static List<Map<String, Object>> render(Path kustomizationDir) throws IOException, InterruptedException {
        return parse(renderToString(kustomizationDir));
    }

    static String renderToString(Path kustomizationDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", kustomizationDir.toString())
                .redirectErrorStream(false)
                .start();
        // Read stdout fully before waiting: a large rendering would otherwise block on a full pipe.
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("kubectl kustomize " + kustomizationDir + " timed out");
        }
        if (process.exitValue() != 0) {
            throw new IOException("kubectl kustomize " + kustomizationDir + " failed (" + process.exitValue() + "): "
                    + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static List<Map<String, Object>> parse(String multiDocumentYaml) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> it = YAML.readerFor(new TypeReference<Map<String, Object>>() { })
                .readValues(multiDocumentYaml)) {
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        }
        return documents;
    }
}
