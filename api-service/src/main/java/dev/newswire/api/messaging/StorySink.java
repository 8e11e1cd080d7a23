package dev.newswire.api.messaging;

import dev.newswire.api.view.Position;
import dev.newswire.api.view.StoryDecoder;
import dev.newswire.api.view.StoryView;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The stories topic into the story view (no positions to keep: stories are not streamed). */
final class StorySink implements TopicSink {

    private final StoryView view;

    StorySink(StoryView view) {
        this.view = view;
    }

    @Override
    public void startAt(Position start) {
        // Nothing resumes from story positions.
    }

    @Override
    public Skip accept(ConsumerRecord<byte[], byte[]> record) {
        StoryDecoder.Rejected rejected = view.apply(record.key(), record.value(), record.timestamp());
        return rejected == null ? null : new Skip(rejected.reason(), rejected.detail());
    }

    @Override
    public void skipped(int partition, long offset) {
        // Nothing to move.
    }

    @Override
    public void endOfBatch() {
        // Nobody listens: listings and look-ups read the index.
    }

    @Override
    public String describe() {
        return view.index().size() + " stories";
    }
}
