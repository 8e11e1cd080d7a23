package dev.newswire.ingest.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Folders for replay tests: inside the test replay root (application.properties %test), or outside it. */
final class ReplayFolders {

    /** The %test value of newswire.ingest.replay.roots, besides ../seeds. */
    static final Path ROOT = Path.of("target", "replay-roots").toAbsolutePath();

    private ReplayFolders() {
    }

    static Path insideRoot() throws IOException {
        return Files.createDirectories(ROOT.resolve(UUID.randomUUID().toString()));
    }

    static Path outsideRoots() throws IOException {
        return Files.createDirectories(Path.of("target", "outside-replay-roots", UUID.randomUUID().toString()).toAbsolutePath());
    }
}
