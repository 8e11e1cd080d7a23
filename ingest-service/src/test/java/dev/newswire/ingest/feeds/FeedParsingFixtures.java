package dev.newswire.ingest.feeds;

import java.io.IOException;
import java.io.InputStream;

/** The feed fixtures under src/test/resources/feeds. */
final class FeedParsingFixtures {

    private FeedParsingFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = FeedParsingFixtures.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
