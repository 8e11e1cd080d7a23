package dev.newswire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the worker settings resolve: the processor and Enricher size their threads and slots from these. */
class EnrichConfigTest {

    @Test
    void withoutBatchingOneArticleIsInFlightPerComputeSlot() {
        assertThat(TestEnrichConfig.of(2, 0, 1, 1024).effectiveInFlight()).isEqualTo(2);
    }

    @Test
    void withBatchingFourArticlesPerSlotAreInFlightSoThatSomeCanShareAModelCall() {
        assertThat(TestEnrichConfig.of(2, 0, 8, 1024).effectiveInFlight()).isEqualTo(8);
    }

    @Test
    void anExplicitInFlightCountWinsButNeverLeavesASlotIdle() {
        assertThat(TestEnrichConfig.of(2, 6, 1, 1024).effectiveInFlight()).isEqualTo(6);
        assertThat(TestEnrichConfig.of(4, 1, 1, 1024).effectiveInFlight()).isEqualTo(4);
    }

    @Test
    void zeroWorkersMeansOnePerCore() {
        assertThat(TestEnrichConfig.of(0, 0, 1, 1024).effectiveWorkers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
