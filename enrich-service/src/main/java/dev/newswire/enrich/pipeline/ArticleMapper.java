package dev.newswire.enrich.pipeline;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Provenance;
import dev.newswire.model.RawArticle;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns a finished {@link Document} into the contract's {@link EnrichedArticle}, with provenance:
 * the pipeline version, the component/model behind each stage, and the stages that did not run.
 */
public final class ArticleMapper {

    private final String pipelineVersion;
    private final Clock clock;

    public ArticleMapper(String pipelineVersion, Clock clock) {
        this.pipelineVersion = pipelineVersion;
        this.clock = clock;
    }

    public EnrichedArticle toEnriched(Document document) {
        RawArticle raw = document.raw();
        String title = document.title() != null ? document.title() : blankToNull(raw.title());
        String language = document.language() != null ? document.language() : raw.language();
        return new EnrichedArticle(
                raw.id(),
                raw.source(),
                raw.url(),
                title,
                document.authors(),
                language,
                document.text(),
                blankToNull(document.summary()),
                document.entities(),
                document.tags(),
                document.keyphrases(),
                null,
                null,
                raw.publishedAt(),
                raw.receivedAt(),
                Instant.now(clock),
                provenance(document));
    }

    private Provenance provenance(Document document) {
        // No sorting here: Provenance keeps an unordered copy, and NewsJson writes map keys sorted.
        return new Provenance(pipelineVersion, document.components(), document.skipped());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
