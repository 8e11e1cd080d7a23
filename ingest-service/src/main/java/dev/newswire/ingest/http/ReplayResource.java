package dev.newswire.ingest.http;

import dev.newswire.ingest.replay.ReplayRequest;
import dev.newswire.ingest.replay.ReplayStatus;
import dev.newswire.ingest.replay.Replays;
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

    private final Replays replays;

    public ReplayResource(Replays replays) {
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
    @APIResponse(responseCode = "422", description = "No such folder or bad rate", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(ReplayRequest request) {
        return Response.accepted(replays.start(request)).build();
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
