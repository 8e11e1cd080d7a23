package dev.newswire.enrich.pipeline.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TopicLayerTest {

    @Test
    void logProbabilitiesAreASoftmaxOfBiasPlusWeightsTimesTheArticle() {
        TopicLayer layer = TopicLayer.parse(List.of(
                "# id<TAB>bias<TAB>weights",
                "economy\t0.5\t2 0 0",
                "politics\t0\t0 1 0",
                "sport\t-0.5\t0 0 0"));
        Map<String, Double> logP = layer.logProbabilities(new float[] {1, 0.5f, 0});
        // logits 2.5, 0.5, -0.5
        double z = Math.exp(2.5) + Math.exp(0.5) + Math.exp(-0.5);
        assertThat(logP.get("economy")).isCloseTo(2.5 - Math.log(z), Offset.offset(1e-9));
        assertThat(logP.get("politics")).isCloseTo(0.5 - Math.log(z), Offset.offset(1e-9));
        assertThat(logP.values().stream().mapToDouble(Math::exp).sum()).isCloseTo(1, Offset.offset(1e-9));
        assertThat(layer.ids()).containsExactly("economy", "politics", "sport");
    }

    @Test
    void theShippedLayerCoversTheLearnedTagsWith384Weights() {
        TopicLayer layer = TagPrototypes.defaults().layer().orElseThrow();
        assertThat(layer.logProbabilities(new float[384])).hasSize(layer.ids().size());
        assertThatThrownBy(() -> new TopicLayer(List.of("a"), new double[2], new float[1][3])).isInstanceOf(IllegalArgumentException.class);
    }
}
