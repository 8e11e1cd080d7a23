package dev.newswire.api.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.newswire.model.NewsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON of {@code GET /api/stories/{id}}: the story's record (every field, all its
 * {@code articleIds}), its articles as the article view holds them (their own JSON) in time order,
 * and the ids it names that the view does not hold (evicted from memory, deleted, or not read yet)
 * under {@code notInView}. Articles come from the record's ids and from the view's storyId index
 * (the story and every story merged into it), so an article the record's 200-id cap left out still
 * appears; at most {@link #MAX_ARTICLES}, the latest.
 */
public final class StoryDetails {

    public static final int MAX_ARTICLES = 200;

    private StoryDetails() {
    }

    public static byte[] of(StoryIndex.Resolved resolved, StoryIndex stories, ArticleIndex articles) {
        StoredStory story = resolved.story();
        ObjectNode json;
        try {
            json = (ObjectNode) NewsJson.mapper().readTree(story.listingJson());
        } catch (IOException e) {
            throw new IllegalStateException("stored listing JSON did not parse", e);
        }
        ArrayNode ids = json.putArray("articleIds");
        story.articleIds().forEach(ids::add);

        Map<String, StoredArticle> found = new HashMap<>();
        ArticleFilter ofStory = ArticleFilter.ALL.withStories(stories.equivalentIds(story.id()));
        articles.page(ofStory, null, MAX_ARTICLES).items().forEach(a -> found.put(a.id(), a));
        Set<String> notInView = new LinkedHashSet<>();
        for (String id : story.articleIds()) {
            StoredArticle stored = articles.byId(id);
            if (stored == null) {
                notInView.add(id);
            } else {
                found.putIfAbsent(id, stored);
            }
        }
        List<StoredArticle> inOrder = new ArrayList<>(found.values());
        inOrder.sort(Comparator.comparing(TimeKey::of));
        List<StoredArticle> latest = inOrder.subList(Math.max(0, inOrder.size() - MAX_ARTICLES), inOrder.size());
        ArrayNode list = json.putArray("articles");
        latest.forEach(a -> list.addRawValue(new RawValue(new String(a.json(), StandardCharsets.UTF_8))));
        ArrayNode missing = json.putArray("notInView");
        notInView.forEach(missing::add);

        if (resolved.redirected()) {
            json.put("requestedId", resolved.path().get(0));
            json.put("note", resolved.path().get(0) + " was merged into " + story.id() + "; this is " + story.id());
        }
        if (story.merged()) {
            json.put("note", "merged into " + story.mergedInto() + ", which this instance does not hold");
        }
        try {
            return NewsJson.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
