package dev.newswire.api.stream;

import dev.newswire.api.view.StoredArticle;
import dev.newswire.api.view.ArticleFilter;
import io.netty.channel.EventLoop;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscribers whose connections live on one event loop. Fan-out posts one task per loop per
 * batch of records (not one per subscriber); the task writes the shared frames to every matching
 * subscriber of that loop. Only that loop's thread touches the list.
 */
final class EventLoopFanOut {

    final EventLoop loop;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private int closedSinceCompaction;

    EventLoopFanOut(EventLoop loop) {
        this.loop = loop;
    }

    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    void closed() {
        closedSinceCompaction++;
    }

    void deliver(List<StoredArticle> batch) {
        for (StoredArticle stored : batch) {
            Map<ArticleFilter, Boolean> memo = new HashMap<>();
            for (int i = 0, n = subscribers.size(); i < n; i++) {
                Subscriber subscriber = subscribers.get(i);
                if (subscriber.state == Subscriber.State.LIVE) {
                    subscriber.offer(stored, memo);
                }
            }
        }
        compact();
    }

    void heartbeat(Buffer beat) {
        for (int i = 0, n = subscribers.size(); i < n; i++) {
            Subscriber subscriber = subscribers.get(i);
            if (subscriber.isOpen()) {
                subscriber.write(beat);
            }
        }
        compact();
    }

    private void compact() {
        // Removing closed ones in one sweep keeps a close O(1) and the loop above index-based.
        if (closedSinceCompaction > 0 && closedSinceCompaction * 8 >= subscribers.size() / 64) {
            subscribers.removeIf(s -> !s.isOpen());
            closedSinceCompaction = 0;
        }
    }

    int size() {
        return subscribers.size();
    }
}
