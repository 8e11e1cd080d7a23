package dev.newswire.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobMatcherTest {

    @Test
    void agreesWithTheJdkGlobOnOrdinaryPatterns() {
        List<String> names = List.of("a.txt", "b.TXT", "seed_01.json", "x.ndjson", "readme", ".hidden.txt", "a.b.c.html",
                "[x].txt", "a{b}.txt", "q.htm");
        List<String> globs = List.of("*", "*.txt", "*.{txt,json}", "seed_??.json", "[ab].*", "[!a]*", "*.*.*", "*.htm?",
                "a*", "*[0-9]*", "\\[x\\].txt", "?", "*.{htm,html}");
        for (String glob : globs) {
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            GlobMatcher ours = GlobMatcher.of(glob);
            for (String name : names) {
                assertThat(ours.matches(name)).as("%s ~ %s", name, glob).isEqualTo(jdk.matches(Path.of(name)));
            }
        }
    }

    @Test
    void pathologicalGlobsTakeLinearTime() {
        String name = "a".repeat(250);
        long started = System.nanoTime();
        assertThat(GlobMatcher.of("*a*a*a*a*a*a*a*a*a*a*a*a*b").matches(name)).isFalse();
        assertThat(GlobMatcher.of("*a".repeat(100) + "b").matches(name)).isFalse();
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void badGlobsAreRefused() {
        assertThatThrownBy(() -> GlobMatcher.of("[abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GlobMatcher.of("{a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GlobMatcher.of("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}")).isInstanceOf(IllegalArgumentException.class);
    }
}
