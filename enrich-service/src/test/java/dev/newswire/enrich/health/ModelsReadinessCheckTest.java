package dev.newswire.enrich.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.enrich.config.TestEnrichConfig;
import dev.newswire.enrich.messaging.Enricher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Before start-up has loaded the models, readiness is DOWN (the Quarkus test sees it UP after loading). */
class ModelsReadinessCheckTest {

    @Test
    void downUntilModelsAreLoaded() {
        Enricher enricher = new Enricher(TestEnrichConfig.of(1, 1024), new SimpleMeterRegistry());
        HealthCheckResponse response = new ModelsReadinessCheck(enricher).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo("enrich-models");
    }
}
