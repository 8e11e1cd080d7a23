package dev.newswire.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFilesTest {

    private static final ReplayFiles.Limits LIMITS = new ReplayFiles.Limits(1 << 20, 16 << 20, 64 << 20);

    private static List<ReplayFiles.Entry> list(Path dir, String glob) {
        ReplayRoots roots = ReplayRoots.of(List.of(dir.toString()));
        return ReplayFiles.list(roots.resolve(dir.toString()), glob, roots);
    }

    @Test
    void seedsAreReadInNameOrderWithTraceableSources() {
        Path seeds = Path.of("..", "seeds");
        List<ReplayFiles.Item> items = ReplayFiles.read(list(seeds, "*"), LIMITS);
        assertThat(items).hasSize(5).allMatch(ReplayFiles.Item::valid);
        assertThat(items).extracting(ReplayFiles.Item::file).isSorted();
        assertThat(items).allSatisfy(item -> assertThat(item.article().source()).isEqualTo("replay:" + item.file()));
    }

    @Test
    void everyKindOfFileAndEveryRefusal(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1.json"), "[{\"body\": \"one\"}, {\"body\": \"two\", \"url\": \"https://x.org/2\"}]");
        Files.writeString(dir.resolve("2.ndjson"), "{\"body\": \"three\"}\n\nnot json\n");
        Files.writeString(dir.resolve("3.htm"), "<p>four</p>");
        Files.writeString(dir.resolve("4.txt"), "   ");
        Files.write(dir.resolve("5.txt"), new byte[]{(byte) 0xFF, 'x'});
        Files.writeString(dir.resolve("6.md"), "ignored");

        List<ReplayFiles.Item> items = ReplayFiles.read(list(dir, "*"), LIMITS);

        assertThat(items).extracting(ReplayFiles.Item::file)
                .containsExactly("1.json", "1.json", "2.ndjson", "2.ndjson", "3.htm", "4.txt", "5.txt");
        assertThat(items).filteredOn(ReplayFiles.Item::valid).extracting(i -> i.article().body())
                .containsExactly("one", "two", "three", "<p>four</p>");
        assertThat(items.get(3).line()).as("the blank line counts").isEqualTo(3);
        assertThat(items).filteredOn(i -> !i.valid()).extracting(ReplayFiles.Item::rejection)
                .anySatisfy(r -> assertThat(r).contains("Malformed JSON"))
                .anySatisfy(r -> assertThat(r).contains("blank"))
                .anySatisfy(r -> assertThat(r).contains("UTF-8"));
        assertThat(list(dir, "*.txt")).hasSize(2);
    }
}
