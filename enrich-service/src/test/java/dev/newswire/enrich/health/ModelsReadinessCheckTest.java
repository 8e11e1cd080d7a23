package dev.newswire.enrich.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.config.EnrichConfig;
import dev.newswire.enrich.messaging.Enricher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Before start-up has loaded the models, readiness is DOWN (the Quarkus test sees it UP after loading). */
class ModelsReadinessCheckTest {

    @Test
    void downUntilModelsAreLoaded() {
        Enricher enricher = new Enricher(config(), new SimpleMeterRegistry());
        HealthCheckResponse response = new ModelsReadinessCheck(enricher).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo("enrich-models");
    }

    private static EnrichConfig config() {
        return new EnrichConfig() {
            public int workers() {
                return 1;
            }

            public int maxRecordBytes() {
                return 1024;
            }

            public String pipelineVersion() {
                return "test";
            }

            public Tags tags() {
                return new Tags() {
                    public double threshold() {
                        return 0.5;
                    }

                    public int max() {
                        return 5;
                    }
                };
            }

            public Keyphrases keyphrases() {
                return () -> 10;
            }

            public Summary summary() {
                return new Summary() {
                    public int sentences() {
                        return 3;
                    }

                    public int words() {
                        return 60;
                    }
                };
            }
        };
    }
}
