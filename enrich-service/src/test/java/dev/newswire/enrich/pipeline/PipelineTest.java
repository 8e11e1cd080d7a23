package dev.newswire.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.model.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final RawArticle RAW = new RawArticle("id", "test", null, null, "Some body text.", RawArticle.TEXT_PLAIN,
            null, Instant.EPOCH, null);

    @Test
    void runsStagesInOrderAndTimesEach() {
        List<String> timed = new ArrayList<>();
        Pipeline pipeline = new Pipeline(List.of(stage("first", d -> d.withLanguage("en")),
                stage("second", d -> d.withSummary("Language was " + d.language() + "."))));
        Document out = pipeline.run(RAW, (stage, nanos) -> {
            assertThat(nanos).isNotNegative();
            timed.add(stage);
        });
        assertThat(out.summary()).isEqualTo("Language was en.");
        assertThat(timed).containsExactly("first", "second");
    }

    @Test
    void aFailingStageIsNamed() {
        Pipeline pipeline = new Pipeline(List.of(stage("fine", d -> d), stage("broken", d -> {
            throw new IllegalArgumentException("bad offsets");
        })));
        assertThatThrownBy(() -> pipeline.run(RAW))
                .isInstanceOf(StageFailedException.class)
                .hasMessageContaining("broken")
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(((StageFailedException) e).stage()).isEqualTo("broken"));
    }

    @Test
    void englishOnlyStagesAreSkippedOnceByThePipelineWithAReason() {
        List<String> ran = new ArrayList<>();
        Stage englishOnly = new Stage() {
            public String name() {
                return "ner";
            }

            public String component() {
                return "ner-component";
            }

            public boolean englishOnly() {
                return true;
            }

            public String englishOnlyReason() {
                return "English NER not run";
            }

            public Document apply(Document document) {
                ran.add(document.language());
                return document.withComponent(name(), component());
            }
        };
        Pipeline german = new Pipeline(List.of(stage("language", d -> d.withLanguage("de")), englishOnly));
        Document skipped = german.run(RAW);
        assertThat(ran).isEmpty();
        assertThat(skipped.skipped()).containsEntry("ner", "language 'de' is not English: English NER not run");
        assertThat(skipped.components()).doesNotContainKey("ner");
        Document english = new Pipeline(List.of(stage("language", d -> d.withLanguage("en")), englishOnly)).run(RAW);
        assertThat(ran).containsExactly("en");
        assertThat(english.skipped()).isEmpty();
    }

    static Stage stage(String name, java.util.function.UnaryOperator<Document> body) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String component() {
                return name + "-component";
            }

            @Override
            public Document apply(Document document) {
                return body.apply(document).withComponent(name, component());
            }
        };
    }
}
