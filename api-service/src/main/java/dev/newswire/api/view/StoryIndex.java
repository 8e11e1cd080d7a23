package dev.newswire.api.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The story view: the latest record per story id, bounded to {@code capacity} stories (past it the
 * least recently active one leaves), ordered by activity for listings, with the merge links of
 * merged stories for look-ups. One writer (the stories topic reader), many readers.
 *
 * <p>Merged stories stay (they are small and answer look-ups of their old id) but never appear in
 * listings. A merge chain is followed at most {@link #MAX_HOPS} links, so a cycle written by a
 * faulty producer cannot loop.
 */
public final class StoryIndex {

    static final int MAX_HOPS = 16;
    /** Bound of a story filter's id set: a story made of more merged ones matches their first 1,024. */
    static final int MAX_EQUIVALENT = 1024;

    private final int capacity;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, StoredStory> byId = new HashMap<>();
    private final NavigableMap<TimeKey, StoredStory> byActivity = new TreeMap<>();
    private final Map<String, Set<String>> mergedFrom = new HashMap<>();   // survivor -> stories merged straight into it
    private long evictions;

    /** Stories newest activity first, and the cursor of the next page (null on the last one). */
    public record Page(List<StoredStory> items, String nextCursor) {
    }

    /**
     * A look-up: {@code story} is the survivor the requested id leads to, or the last story of the chain
     * this view holds (then still merged: its survivor is not here); {@code path} the ids followed.
     */
    public record Resolved(StoredStory story, List<String> path) {
        public boolean redirected() {
            return path.size() > 1;
        }
    }

    public StoryIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public void put(StoredStory story) {
        lock.writeLock().lock();
        try {
            StoredStory previous = byId.put(story.id(), story);
            if (previous != null) {
                unindex(previous);
            }
            byActivity.put(key(story), story);
            if (story.merged()) {
                mergedFrom.computeIfAbsent(story.mergedInto(), k -> new LinkedHashSet<>()).add(story.id());
            }
            while (byId.size() > capacity) {
                StoredStory coldest = byActivity.firstEntry().getValue();
                byId.remove(coldest.id());
                unindex(coldest);
                evictions++;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A tombstone: the story leaves the view. */
    public void remove(String id) {
        lock.writeLock().lock();
        try {
            StoredStory previous = byId.remove(id);
            if (previous != null) {
                unindex(previous);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unindex(StoredStory story) {
        byActivity.remove(key(story));
        if (story.merged()) {
            Set<String> from = mergedFrom.get(story.mergedInto());
            if (from != null && from.remove(story.id()) && from.isEmpty()) {
                mergedFrom.remove(story.mergedInto());
            }
        }
    }

    private static TimeKey key(StoredStory story) {
        return new TimeKey(TimeKey.micros(story.activity()), story.id());
    }

    public StoredStory byId(String id) {
        lock.readLock().lock();
        try {
            return byId.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Follows {@code mergedInto}; null when the view does not hold the requested id. */
    public Resolved resolve(String id) {
        lock.readLock().lock();
        try {
            StoredStory story = byId.get(id);
            if (story == null) {
                return null;
            }
            List<String> path = new ArrayList<>(List.of(id));
            for (int hop = 0; hop < MAX_HOPS && story.merged(); hop++) {
                StoredStory next = byId.get(story.mergedInto());
                if (next == null || path.contains(next.id())) {
                    break;
                }
                story = next;
                path.add(next.id());
            }
            return new Resolved(story, List.copyOf(path));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The ids an article's {@code storyId} may carry to belong to the story {@code id} leads to: its
     * survivor and every story merged into it (directly or through others) that this view holds.
     * Always contains {@code id} itself, so a filter on an id the view does not know still matches
     * articles carrying it.
     */
    public Set<String> equivalentIds(String id) {
        lock.readLock().lock();
        try {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(id);
            String survivor = id;
            StoredStory story = byId.get(id);
            for (int hop = 0; hop < MAX_HOPS && story != null && story.merged(); hop++) {
                survivor = story.mergedInto();
                story = byId.get(survivor);
            }
            ids.add(survivor);
            Deque<String> todo = new ArrayDeque<>(List.of(survivor));
            while (!todo.isEmpty() && ids.size() < MAX_EQUIVALENT) {
                for (String merged : mergedFrom.getOrDefault(todo.poll(), Set.of())) {
                    if (ids.add(merged)) {
                        todo.add(merged);
                    }
                }
            }
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Live (not merged) stories newest activity first, strictly older than {@code before} (null = newest). */
    public Page page(StoryFilter filter, TimeKey before, int limit) {
        lock.readLock().lock();
        try {
            NavigableMap<TimeKey, StoredStory> newestFirst = (before == null ? byActivity : byActivity.headMap(before, false))
                    .descendingMap();
            List<StoredStory> items = new ArrayList<>(limit);
            for (Map.Entry<TimeKey, StoredStory> entry : newestFirst.entrySet()) {
                StoredStory story = entry.getValue();
                if (!story.merged() && filter.matches(story)) {
                    if (items.size() == limit) {
                        return new Page(items, key(items.get(limit - 1)).cursor());
                    }
                    items.add(story);
                }
            }
            return new Page(items, null);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stories that left the view for want of room since start. */
    public long evictions() {
        lock.readLock().lock();
        try {
            return evictions;
        } finally {
            lock.readLock().unlock();
        }
    }
}
