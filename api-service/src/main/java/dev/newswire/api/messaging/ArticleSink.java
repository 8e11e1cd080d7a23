package dev.newswire.api.messaging;

import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.Position;
import dev.newswire.api.view.RecordDecoder;
import dev.newswire.api.view.StoredArticle;
import dev.newswire.api.view.ViewListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The enriched topic into the article view; each poll's appended records go to the fan-out as one batch. */
final class ArticleSink implements TopicSink {

    private final ArticleView view;
    private final ViewListener listener;
    private List<StoredArticle> batch = new ArrayList<>();

    ArticleSink(ArticleView view, ViewListener listener) {
        this.view = view;
        this.listener = listener;
    }

    @Override
    public void startAt(Position start) {
        view.startAt(start);
    }

    @Override
    public Skip accept(ConsumerRecord<byte[], byte[]> record) {
        RecordDecoder.Decoded decoded = RecordDecoder.decode(record.key(), record.value());
        if (decoded instanceof RecordDecoder.Article article) {
            batch.add(view.append(record.partition(), record.offset(), record.timestamp(), article));
        } else if (decoded instanceof RecordDecoder.Tombstone tombstone) {
            view.remove(record.partition(), record.offset(), tombstone.id());
        } else if (decoded instanceof RecordDecoder.Rejected rejected) {
            return new Skip(rejected.reason(), rejected.detail());
        }
        return null;
    }

    @Override
    public void skipped(int partition, long offset) {
        view.skip(partition, offset);
    }

    @Override
    public void endOfBatch() {
        if (!batch.isEmpty()) {
            List<StoredArticle> done = batch;
            batch = new ArrayList<>();
            listener.appended(done);
        }
    }

    @Override
    public String describe() {
        return view.index().size() + " articles";
    }
}
