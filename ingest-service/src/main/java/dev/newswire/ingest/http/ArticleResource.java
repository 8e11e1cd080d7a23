package dev.newswire.ingest.http;

import dev.newswire.ingest.intake.Accepted;
import dev.newswire.ingest.intake.ArticleFields;
import dev.newswire.ingest.intake.ArticleSubmissions;
import dev.newswire.ingest.intake.RejectedArticleException;
import dev.newswire.model.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /api/articles}: one article (JSON, plain text, HTML) or an NDJSON batch. */
@Path("/api/articles")
public class ArticleResource {

    private final ArticleSubmissions submissions;

    public ArticleResource(ArticleSubmissions submissions) {
        this.submissions = submissions;
    }

    @POST
    @Blocking // waits for the broker's ack (bounded by newswire.ingest.publish.timeout)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, ArticleSubmissions.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an article or a batch",
            description = "Publishes to news.articles.raw and answers 202 once the broker has acknowledged. "
                    + "A repeat within the dedup window answers 202 with duplicate=true and is not published again.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "crawler",
                    value = "{\"title\": \"Central bank holds rates\", \"body\": \"The central bank kept its key rate at 4% on Tuesday.\","
                            + " \"url\": \"https://example.org/news/rates\", \"source\": \"example-crawler\","
                            + " \"publishedAt\": \"2025-07-08T14:30:00Z\", \"language\": \"en\"}")),
            @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "headline first",
                    value = "Central bank holds rates\n\nThe central bank kept its key rate at 4% on Tuesday.")),
            @Content(mediaType = MediaType.TEXT_HTML, examples = @ExampleObject(name = "page",
                    value = "<html><head><title>Central bank holds rates</title></head><body><article><p>The central bank"
                            + " kept its key rate at 4% on Tuesday.</p></article></body></html>")),
            @Content(mediaType = ArticleSubmissions.NDJSON, examples = @ExampleObject(name = "batch",
                    value = "{\"title\": \"First\", \"body\": \"First article.\"}\n{\"body\": \"Second article.\","
                            + " \"url\": \"https://example.org/2\"}\n"))})
    @APIResponse(responseCode = "202", description = "Accepted: {\"id\": \"...\"} (+ \"duplicate\": true), or for a batch"
            + " {\"accepted\": [ids], \"duplicates\": [ids], \"rejected\": [{\"line\", \"status\", \"code\", \"reason\"}] (the first 100),"
            + " \"rejectedCount\": n, \"rejectedByCode\": {code: n}}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "accepted",
                    value = "{\"id\": \"3f2a9c0d1e4b5a67\"}")))
    @APIResponse(responseCode = "400", description = "Malformed JSON (line/column named) or invalid UTF-8",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "API key required", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Origin header of a page that may not write", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Over 1 MiB per article / 16 MiB or 10,000 lines per batch", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Unsupported Content-Type", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Missing/blank body, bad url, publishedAt outside 1900-01-01 .. now + 1 day,"
            + " language not a BCP-47 tag of at most 35 characters", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "The broker refused the write by its settings (ACLs, topic): the operator's"
            + " fix, no Retry-After; a batch lists the lines already published in \"accepted\"",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Broker unavailable (a batch: within one 5 s deadline, lines already published"
            + " listed in \"accepted\"), or the service is at its cap of bytes in flight; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(InputStream body, @Context HttpHeaders headers,
                           @Parameter(description = "text/plain and text/html only: headline") @QueryParam("title") String title,
                           @Parameter(description = "text/plain and text/html only: article URL (http/https)") @QueryParam("url") String url,
                           @Parameter(description = "text/plain and text/html only: source name") @QueryParam("source") String source,
                           @Parameter(description = "text/plain and text/html only: ISO-8601") @QueryParam("publishedAt") String publishedAt,
                           @Parameter(description = "text/plain and text/html only: BCP-47") @QueryParam("language") String language)
            throws RejectedArticleException {
        // A stream, not byte[]: the body is read by the intake within its limits, never buffered whole.
        InputStream in = body == null ? InputStream.nullInputStream() : body;
        MediaType type = headers.getMediaType();
        long length = headers.getLength();
        if (ArticleSubmissions.isBatch(type)) {
            return Response.accepted(submissions.submitBatch(in, length)).build();
        }
        Accepted accepted = submissions.submit(in, length, type, new ArticleFields(title, url, source, publishedAt, language));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", accepted.id());
        if (accepted.duplicate()) {
            answer.put("duplicate", true);
        }
        return Response.accepted(answer).build();
    }
}
