package dev.newswire.ingest.http;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.newswire.ingest.feeds.FeedDescription;
import dev.newswire.ingest.feeds.FeedRegistry;
import dev.newswire.ingest.feeds.FeedRequest;
import dev.newswire.ingest.feeds.FeedRequestException;
import dev.newswire.ingest.feeds.Opml;
import dev.newswire.model.NewsJson;
import dev.newswire.model.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/feeds}: the RSS/Atom feeds ingest follows (issue 13). */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    private static final int MAX_OPML_BYTES = 1024 * 1024;

    private final FeedRegistry registry;

    public FeedResource(FeedRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Blocking // waits for the broker's ack of the registry record
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow a feed", description = "The id comes from the normalised URL: posting the same feed again "
            + "updates it (200) and resumes it if it was disabled. Polling starts at once on the replica that owns it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "feed", value = "{\"url\": \"https://example.org/rss.xml\", \"intervalSeconds\": 300, \"fetchArticles\": false,"
                    + " \"language\": \"en\", \"source\": \"Example News\"}")))
    @APIResponse(responseCode = "201", description = "Registered: the feed with its id; Location names it")
    @APIResponse(responseCode = "200", description = "Already registered: updated")
    @APIResponse(responseCode = "400", description = "Malformed JSON or a field of the wrong type", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "url missing, not http(s), or a non-public address not in the allow-list;"
            + " intervalSeconds out of range; language not BCP-47; source too long", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "The broker refused the registry write by its settings (ACLs, topic)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge the registry write; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(InputStream body) throws IOException {
        FeedRegistry.Registered registered = registry.register(parse(body));
        FeedDescription feed = registered.feed();
        return registered.created()
                ? Response.created(URI.create("/api/feeds/" + feed.id())).entity(feed).build()
                : Response.ok(feed).build();
    }

    @GET
    @Operation(summary = "Every feed with its status: last poll and success, HTTP status, items seen and published,"
            + " consecutive errors, next poll, why it is disabled")
    public List<FeedDescription> all() {
        return registry.all();
    }

    @POST
    @Path("/opml")
    @Blocking
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, "text/x-opml"})
    @Operation(summary = "Import an OPML subscription list", description = "Registers every outline with an xmlUrl"
            + " (default settings). Answers {registered: [feed ids], rejected: [{url, reason}]}; good feeds are registered"
            + " even when others are refused.")
    @APIResponse(responseCode = "200", description = "Imported")
    @APIResponse(responseCode = "400", description = "Not well-formed XML, or a DOCTYPE", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Over 1 MiB or 1,000 feeds", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Map<String, Object> importOpml(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_OPML_BYTES + 1);
        if (bytes.length > MAX_OPML_BYTES) {
            throw new FeedRequestException(413, null, "An OPML import is at most " + MAX_OPML_BYTES + " bytes.");
        }
        List<String> registered = new ArrayList<>();
        List<Map<String, String>> rejected = new ArrayList<>();
        for (String url : Opml.feedUrls(bytes)) {
            try {
                registered.add(registry.register(new FeedRequest(url, null, null, null, null)).feed().id());
            } catch (FeedRequestException e) {
                rejected.add(Map.of("url", url, "reason", e.getMessage()));
            }
        }
        return Map.of("registered", registered, "rejected", rejected);
    }

    @GET
    @Path("/opml")
    @Produces("text/x-opml")
    @Operation(summary = "Export every feed as an OPML 2.0 subscription list")
    public String exportOpml() {
        return Opml.export(registry.all());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "Unknown feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FeedDescription one(@PathParam("id") String id) {
        return registry.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Blocking
    @Operation(summary = "Stop following a feed (a tombstone on the registry topic); articles already published stay")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") String id) {
        registry.delete(id);
        return Response.noContent().build();
    }

    private static FeedRequest parse(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_REQUEST_BYTES + 1);
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new FeedRequestException(413, null, "A feed registration is a small JSON object (at most " + MAX_REQUEST_BYTES + " bytes).");
        }
        if (bytes.length == 0) {
            throw new FeedRequestException(400, null, "A JSON object is required, e.g. {\"url\": \"https://example.org/rss.xml\"}.");
        }
        try {
            return NewsJson.mapper().readValue(bytes, FeedRequest.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]"
                    : ref.getFieldName()).reduce((a, b) -> a + "." + b).orElse("the body");
            throw new FeedRequestException(400, field, "\"" + field + "\" has the wrong type (or the body is not a JSON object):"
                    + " \"url\", \"language\", \"source\" are strings, \"intervalSeconds\" a whole number, \"fetchArticles\" true or false.");
        }
    }
}
