package dev.newswire.api.view;

import dev.newswire.model.Entity;
import dev.newswire.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The query side of the view: the latest version of each article, indexed by id, time, entity
 * (name and aliases, lower case), tag (and its parents), language and story. One writer, many readers.
 */
public final class ArticleIndex {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, StoredArticle> byId = new HashMap<>();
    private final NavigableMap<TimeKey, StoredArticle> byTime = new TreeMap<>();
    private final Map<String, NavigableSet<TimeKey>> byEntity = new HashMap<>();
    private final Map<String, NavigableSet<TimeKey>> byTag = new HashMap<>();
    private final Map<String, NavigableSet<TimeKey>> byLang = new HashMap<>();
    private final Map<String, NavigableSet<TimeKey>> byStory = new HashMap<>();

    /** A page of articles, newest first, and the cursor of the next page (null on the last one). */
    public record Page(List<StoredArticle> items, String nextCursor) {
    }

    /** One line of a top list. */
    public record Count(String key, String label, String type, int count) {
    }

    public void put(StoredArticle stored) {
        lock.writeLock().lock();
        try {
            StoredArticle previous = byId.put(stored.id(), stored);
            if (previous != null) {
                unindex(previous);
            }
            TimeKey key = TimeKey.of(stored);
            byTime.put(key, stored);
            keysOf(stored, (map, k) -> map.computeIfAbsent(k, x -> new TreeSet<>()).add(key));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops the article with this id (a tombstone on the topic), whichever version is held. */
    public void remove(String id) {
        lock.writeLock().lock();
        try {
            StoredArticle previous = byId.remove(id);
            if (previous != null) {
                unindex(previous);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops a record that left the ring, unless a newer version of the article replaced it already. */
    public void evict(StoredArticle stored) {
        lock.writeLock().lock();
        try {
            if (byId.get(stored.id()) == stored) {
                byId.remove(stored.id());
                unindex(stored);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unindex(StoredArticle stored) {
        TimeKey key = TimeKey.of(stored);
        byTime.remove(key);
        keysOf(stored, (map, k) -> {
            NavigableSet<TimeKey> set = map.get(k);
            if (set != null && set.remove(key) && set.isEmpty()) {
                map.remove(k);
            }
        });
    }

    private interface KeyVisitor {
        void visit(Map<String, NavigableSet<TimeKey>> map, String key);
    }

    private void keysOf(StoredArticle stored, KeyVisitor visitor) {
        Set<String> names = new LinkedHashSet<>();
        for (Entity entity : stored.article().entities()) {
            names.add(entity.name().toLowerCase(Locale.ROOT));
            entity.aliases().forEach(alias -> names.add(alias.toLowerCase(Locale.ROOT)));
        }
        names.forEach(name -> visitor.visit(byEntity, name));
        Set<String> tags = new LinkedHashSet<>();
        for (Tag tag : stored.article().tags()) {
            String id = tag.id().toLowerCase(Locale.ROOT);
            tags.add(id);
            for (int slash = id.indexOf('/'); slash > 0; slash = id.indexOf('/', slash + 1)) {
                tags.add(id.substring(0, slash));
            }
        }
        tags.forEach(tag -> visitor.visit(byTag, tag));
        if (stored.article().language() != null) {
            visitor.visit(byLang, stored.article().language().toLowerCase(Locale.ROOT));
        }
        if (stored.article().storyId() != null) {
            visitor.visit(byStory, stored.article().storyId());
        }
    }

    public StoredArticle byId(String id) {
        lock.readLock().lock();
        try {
            return byId.get(id);
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

    /** Newest first, strictly older than {@code before} (null = from the newest). */
    public Page page(ArticleFilter filter, TimeKey before, int limit) {
        lock.readLock().lock();
        try {
            NavigableSet<TimeKey> candidates = smallestCandidateSet(filter);
            NavigableSet<TimeKey> newestFirst = (before == null ? candidates : candidates.headSet(before, false))
                    .descendingSet();
            List<StoredArticle> items = new ArrayList<>(limit);
            for (TimeKey key : newestFirst) {
                StoredArticle stored = byTime.get(key);
                if (stored != null && filter.matches(stored.article())) {
                    if (items.size() == limit) {
                        return new Page(items, TimeKey.of(items.get(limit - 1)).cursor());
                    }
                    items.add(stored);
                }
            }
            return new Page(items, null);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The index set that narrows the search most; every filter is still checked on each candidate. */
    private NavigableSet<TimeKey> smallestCandidateSet(ArticleFilter filter) {
        NavigableSet<TimeKey> best = byTime.navigableKeySet();
        if (filter.entity() != null) {
            best = smaller(best, byEntity.getOrDefault(filter.entity(), Collections.emptyNavigableSet()));
        }
        if (filter.lang() != null) {
            best = smaller(best, byLang.getOrDefault(filter.lang(), Collections.emptyNavigableSet()));
        }
        if (!filter.stories().isEmpty()) {
            best = smaller(best, storySet(filter.stories()));
        }
        if (filter.tags().size() == 1) {
            best = smaller(best, byTag.getOrDefault(filter.tags().iterator().next(), Collections.emptyNavigableSet()));
        }
        return best;
    }

    private NavigableSet<TimeKey> storySet(Set<String> stories) {
        if (stories.size() == 1) {
            return byStory.getOrDefault(stories.iterator().next(), Collections.emptyNavigableSet());
        }
        NavigableSet<TimeKey> union = new TreeSet<>();   // a story and those merged into it: small sets
        stories.forEach(id -> union.addAll(byStory.getOrDefault(id, Collections.emptyNavigableSet())));
        return union;
    }

    private static NavigableSet<TimeKey> smaller(NavigableSet<TimeKey> a, NavigableSet<TimeKey> b) {
        return b.size() < a.size() ? b : a;
    }

    /** Top entities (by canonical name) among articles newer than {@code since}. */
    public List<Count> topEntities(Instant since, ArticleFilter filter, int limit) {
        return top(since, filter, limit, true);
    }

    /** Top tags among articles newer than {@code since}. */
    public List<Count> topTags(Instant since, ArticleFilter filter, int limit) {
        return top(since, filter, limit, false);
    }

    private List<Count> top(Instant since, ArticleFilter filter, int limit, boolean entities) {
        Map<String, Count> counts = new HashMap<>();
        lock.readLock().lock();
        try {
            for (StoredArticle stored : byTime.tailMap(new TimeKey(TimeKey.micros(since), ""), true).values()) {
                if (!filter.matches(stored.article())) {
                    continue;
                }
                if (entities) {
                    for (Entity e : stored.article().entities()) {
                        counts.merge(e.name().toLowerCase(Locale.ROOT),
                                new Count(e.name(), e.name(), e.type() == null ? null : e.type().name(), 1), ArticleIndex::plus);
                    }
                } else {
                    for (Tag t : stored.article().tags()) {
                        counts.merge(t.id(), new Count(t.id(), t.label(), null, 1), ArticleIndex::plus);
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return counts.values().stream()
                .sorted((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : a.key().compareTo(b.key()))
                .limit(limit)
                .toList();
    }

    private static Count plus(Count a, Count b) {
        return new Count(a.key(), a.label(), a.type(), a.count() + b.count());
    }
}
