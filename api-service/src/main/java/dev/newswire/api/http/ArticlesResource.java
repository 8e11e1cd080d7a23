package dev.newswire.api.http;

import dev.newswire.api.view.ArticleFilter;
import dev.newswire.api.view.ArticleIndex;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.StoredArticle;
import dev.newswire.api.view.StoryView;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JSON query API over the in-memory view; every method delegates to {@link ArticleIndex}. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles", description = "Query the recent enriched articles held by this instance")
public class ArticlesResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final ArticleView view;
    private final StoryView stories;

    public ArticlesResource(ArticleView view, StoryView stories) {
        this.view = view;
        this.stories = stories;
    }

    /**
     * Items are the records' own JSON, written as they are (see {@link dev.newswire.api.view.RecordDecoder}):
     * a field added to the event reaches clients without a release of this service.
     */
    public record ArticlePage(@Schema(type = SchemaType.ARRAY, implementation = EnrichedArticle.class) List<RawValue> items,
                              int count, String nextCursor) {
    }

    public record TopList(String window, Instant since, List<ArticleIndex.Count> items) {
    }

    @GET
    @Path("/articles")
    @Operation(summary = "Articles, newest first", description = "Filters combine (all must match). Page with nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of articles")
    @APIResponse(responseCode = "400", description = "A bad parameter (named in the problem's 'parameter')",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ArticlePage articles(
            @Parameter(description = "Tag id (a parent matches its children); repeat or comma-separate for any-of") @QueryParam("tag") List<String> tags,
            @Parameter(description = "Entity name or alias, case-insensitive") @QueryParam("entity") String entity,
            @Parameter(description = "Language code, e.g. en") @QueryParam("lang") String lang,
            @Parameter(description = "Words that must all occur in the title or text") @QueryParam("q") String q,
            @Parameter(description = "Story id: articles whose storyId is it or a story merged into it") @QueryParam("story") String story,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ArticleFilter filter = QueryParams.withStory(QueryParams.filter(tags, entity, lang, q), story, stories.index());
        ArticleIndex.Page page = view.index().page(filter, QueryParams.cursor(cursor),
                QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        List<RawValue> items = page.items().stream()
                .map(stored -> new RawValue(new String(stored.json(), StandardCharsets.UTF_8))).toList();
        return new ArticlePage(items, items.size(), page.nextCursor());
    }

    @GET
    @Path("/articles/{id}")
    @Operation(summary = "One article by id")
    @APIResponse(responseCode = "200", description = "The article (the record's own JSON)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrichedArticle.class)))
    @APIResponse(responseCode = "404", description = "No article with this id in the view",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response article(@PathParam("id") String id) {
        StoredArticle stored = view.index().byId(id);
        if (stored == null) {
            throw ApiException.notFound("no article with id '" + id + "'");
        }
        return Response.ok(stored.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/entities")
    @Operation(summary = "Top entities by number of articles over a window")
    @APIResponse(responseCode = "200", description = "Entities with counts, most frequent first")
    @APIResponse(responseCode = "400", description = "A bad parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TopList entities(
            @Parameter(description = "Window back from now: 90m, 24h, 7d", schema = @Schema(type = SchemaType.STRING, defaultValue = "24h")) @QueryParam("window") String window,
            @Parameter(description = "Only articles with this tag") @QueryParam("tag") List<String> tags,
            @Parameter(description = "Only articles in this language") @QueryParam("lang") String lang,
            @Parameter(description = "How many, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("limit") String limit) {
        Duration span = QueryParams.window(window);
        Instant since = Instant.now().minus(span);
        ArticleFilter filter = QueryParams.filter(tags, null, lang, null);
        return new TopList(windowText(window), since,
                view.index().topEntities(since, filter, QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)));
    }

    @GET
    @Path("/tags")
    @Operation(summary = "Top tags by number of articles over a window")
    @APIResponse(responseCode = "200", description = "Tags with counts, most frequent first")
    @APIResponse(responseCode = "400", description = "A bad parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TopList tags(
            @Parameter(description = "Window back from now: 90m, 24h, 7d", schema = @Schema(type = SchemaType.STRING, defaultValue = "24h")) @QueryParam("window") String window,
            @Parameter(description = "Only articles naming this entity") @QueryParam("entity") String entity,
            @Parameter(description = "Only articles in this language") @QueryParam("lang") String lang,
            @Parameter(description = "How many, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("limit") String limit) {
        Duration span = QueryParams.window(window);
        Instant since = Instant.now().minus(span);
        ArticleFilter filter = QueryParams.filter(null, entity, lang, null);
        return new TopList(windowText(window), since,
                view.index().topTags(since, filter, QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)));
    }

    private static String windowText(String window) {
        return window == null || window.isBlank() ? "24h" : window.trim();
    }
}
