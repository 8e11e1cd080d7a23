package dev.newswire.api.http;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.newswire.api.view.ArticleView;
import dev.newswire.api.view.StoryDetails;
import dev.newswire.api.view.StoryFilter;
import dev.newswire.api.view.StoryIndex;
import dev.newswire.api.view.StoryView;
import dev.newswire.model.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stories (articles about one event) over the story view: recent ones, and one with its articles.
 * Listing items are the records' own JSON (unknown fields kept) with {@code articleIds} cut to the
 * latest few; see {@link StoryDetails} for one story.
 */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stories", description = "Stories: the articles that report one event, grouped by the enrich-service")
public class StoriesResource {

    private final StoryView stories;
    private final ArticleView articles;

    public StoriesResource(StoryView stories, ArticleView articles) {
        this.stories = stories;
        this.articles = articles;
    }

    /** One listing item of the contract's story record, abridged. */
    @Schema(name = "StorySummary", description = "A story record of news.stories; articleIds holds its latest few ids")
    public record StorySummary(String id, String title, int size, Instant firstSeen, Instant lastSeen,
                               List<StoryEntitySchema> entities, List<String> tags, List<String> articleIds) {
    }

    @Schema(name = "StoryEntity")
    public record StoryEntitySchema(String text, String type) {
    }

    public record StoryPage(@Schema(type = SchemaType.ARRAY, implementation = StorySummary.class) List<RawValue> items,
                            int count, String nextCursor) {
    }

    @GET
    @Operation(summary = "Stories, most recently active (lastSeen) first",
            description = "Merged stories are left out (their survivor is listed). Filters combine (all must match). "
                    + "Page with nextCursor; a story that grows moves up, so it may appear on an earlier page than before.")
    @APIResponse(responseCode = "200", description = "A page of stories")
    @APIResponse(responseCode = "400", description = "A bad parameter (named in the problem's 'parameter')",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public StoryPage list(
            @Parameter(description = "Tag id among the story's top tags (a parent matches its children); repeat or comma-separate for any-of") @QueryParam("tag") List<String> tags,
            @Parameter(description = "Text of one of the story's top entities, case-insensitive") @QueryParam("entity") String entity,
            @Parameter(description = "Words that must all occur in the story's title") @QueryParam("q") String q,
            @Parameter(description = "Only stories active (lastSeen) at or after this time: ISO-8601 or epoch milliseconds") @QueryParam("since") String since,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        StoryFilter filter = StoryFilter.of(QueryParams.filter(tags, entity, null, q),
                since == null || since.isBlank() ? null : QueryParams.since(since));
        StoryIndex.Page page = stories.index().page(filter, QueryParams.cursor(cursor),
                QueryParams.limit(limit, ArticlesResource.DEFAULT_LIMIT, ArticlesResource.MAX_LIMIT));
        List<RawValue> items = page.items().stream()
                .map(story -> new RawValue(new String(story.listingJson(), StandardCharsets.UTF_8))).toList();
        return new StoryPage(items, items.size(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story with its articles in time order",
            description = "The story record with all its articleIds, 'articles' (the articles this instance holds, their own JSON, "
                    + "oldest first, at most 200) and 'notInView' (ids it does not hold). The id of a merged story answers "
                    + "with the story it was merged into: 'requestedId' and 'note' say so, Content-Location names it.")
    @APIResponse(responseCode = "200", description = "The story and its articles")
    @APIResponse(responseCode = "404", description = "No story with this id in the view", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response story(@PathParam("id") String id) {
        StoryIndex.Resolved resolved = stories.index().resolve(id);
        if (resolved == null) {
            throw ApiException.notFound("no story with id '" + id + "'");
        }
        Response.ResponseBuilder ok = Response.ok(StoryDetails.of(resolved, stories.index(), articles.index()), MediaType.APPLICATION_JSON_TYPE);
        if (resolved.redirected()) {
            ok.contentLocation(URI.create("/api/stories/" + java.net.URLEncoder.encode(resolved.story().id(), StandardCharsets.UTF_8)));
        }
        return ok.build();
    }
}
