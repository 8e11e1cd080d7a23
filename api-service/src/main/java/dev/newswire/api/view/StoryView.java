package dev.newswire.api.view;

import dev.newswire.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The in-memory view of the stories topic, filled by its topic reader only. Unlike the article view
 * it keeps no log: stories are queried, not streamed (the stream carries articles, whose
 * {@code storyId} says which story they belong to).
 */
@ApplicationScoped
public class StoryView {

    private final StoryIndex index;
    private final int maxRecordBytes;

    @Inject
    public StoryView(ApiConfig config) {
        this(config.stories().maxStories(), config.stories().maxRecordBytes());
    }

    public StoryView(int maxStories, int maxRecordBytes) {
        this.index = new StoryIndex(maxStories);
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Decodes and applies one record; returns the rejection, or null when the view took it. */
    public StoryDecoder.Rejected apply(byte[] key, byte[] value, long recordTimestamp) {
        StoryDecoder.Decoded decoded = StoryDecoder.decode(key, value, recordTimestamp, maxRecordBytes);
        if (decoded instanceof StoryDecoder.Story story) {
            index.put(story.story());
        } else if (decoded instanceof StoryDecoder.Tombstone tombstone) {
            index.remove(tombstone.id());
        } else if (decoded instanceof StoryDecoder.Rejected rejected) {
            return rejected;
        }
        return null;
    }

    public StoryIndex index() {
        return index;
    }
}
