package dev.newswire.ingest.http;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.newswire.ingest.replay.ReplayRequest;
import dev.newswire.ingest.replay.ReplayRequestException;
import dev.newswire.ingest.replay.ReplayStatus;
import dev.newswire.ingest.replay.ReplayRegistry;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/replay}: replay a folder of article files as a stream. */
@Path("/api/replay")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final ReplayRegistry replays;

    public ReplayResource(ReplayRegistry replays) {
        this.replays = replays;
    }

    @POST
    @Blocking // reads the folder before answering
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a replay", description = "Files in name order: .txt plain text, .html HTML, "
            + ".json/.ndjson articles; source = replay:<file name>. Answers 202 with the replay's status (its id).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "seeds at 2/s", value = "{\"dir\": \"seeds\", \"ratePerSecond\": 2, \"loop\": false, \"glob\": \"*.txt\"}")))
    @APIResponse(responseCode = "202", description = "Started; GET /api/replay/{id} reports progress")
    @APIResponse(responseCode = "400", description = "Malformed JSON, a field of the wrong type, a NUL in dir",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "API key required (when keys are set, for every replay endpoint)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Folder not inside a replay root (or missing: same answer), rate"
            + " out of range, bad glob", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many replays running", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(InputStream body) throws IOException {
        return Response.accepted(replays.start(parse(body))).build();
    }

    /**
     * Parsed here rather than by the framework, so a wrong type ({@code "loop": "yes"}) is a 400
     * problem that names the field, not a bare 400, and the body is read only up to a small bound.
     */
    private static ReplayRequest parse(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_REQUEST_BYTES + 1);
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new ReplayRequestException(413, "A replay request is a small JSON object (at most "
                    + MAX_REQUEST_BYTES + " bytes).");
        }
        if (bytes.length == 0) {
            throw new ReplayRequestException(400, "A JSON object is required, e.g. {\"dir\": \"seeds\"}.");
        }
        try {
            return NewsJson.mapper().readValue(bytes, ReplayRequest.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]"
                    : ref.getFieldName()).reduce((a, b) -> a + "." + b).orElse("the body");
            throw new ReplayRequestException(400, "\"" + field + "\" has the wrong type: \"dir\" and \"glob\" are"
                    + " strings, \"ratePerSecond\" a number, \"loop\" and \"skipDuplicates\" true or false.");
        }
    }

    @GET
    @Operation(summary = "All known replays, oldest first")
    public List<ReplayStatus> all() {
        return replays.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of one replay: sent/total/failed and the actual rate")
    @APIResponse(responseCode = "404", description = "Unknown replay", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReplayStatus status(@PathParam("id") String id) {
        return replays.status(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop a replay after the article it is sending")
    public ReplayStatus stop(@PathParam("id") String id) {
        return replays.stop(id);
    }
}
