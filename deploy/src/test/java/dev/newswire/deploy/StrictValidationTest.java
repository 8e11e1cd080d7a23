package dev.newswire.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validators the manifest tests rely on must really fail on bad input, or those tests prove nothing. */
class StrictValidationTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: 2
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1.0
                      ports:
                        - containerPort: 8080
                      resources:
                        limits: {cpu: "1", memory: 512Mi}
            """;

    private static Map<String, Object> yaml(String text) throws Exception {
        List<Map<String, Object>> docs = Kustomize.parse(text);
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }

    @Test
    void loadsAValidDeploymentAsTheTypedModel() throws Exception {
        Object typed = StrictKubernetesLoader.load(yaml(DEPLOYMENT));
        assertThat(typed).isInstanceOf(V1Deployment.class);
        assertThat(((V1Deployment) typed).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void rejectsAnUnknownFieldDeepInThePodSpec() throws Exception {
        String typo = DEPLOYMENT.replace("image: demo:1.0", "image: demo:1.0\n          imagePullPolcy: Always");
        assertThatThrownBy(() -> StrictKubernetesLoader.load(yaml(typo)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imagePullPolcy");
    }

    @Test
    void rejectsAWrongType() throws Exception {
        String text = DEPLOYMENT.replace("replicas: 2", "replicas: three");
        assertThatThrownBy(() -> StrictKubernetesLoader.load(yaml(text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Deployment/demo");
    }

    @Test
    void rejectsANumberWrittenAsAString() throws Exception {
        // Gson alone coerces "2" to 2; the API server does not.
        String text = DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"");
        assertThatThrownBy(() -> StrictKubernetesLoader.load(yaml(text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/spec/replicas");
    }

    @Test
    void rejectsAListWhereAnObjectBelongs() throws Exception {
        String text = DEPLOYMENT.replace("matchLabels: {app: demo}", "matchLabels: [app, demo]");
        assertThatThrownBy(() -> StrictKubernetesLoader.load(yaml(text)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKindsThatAreNotCore() throws Exception {
        assertThatThrownBy(() -> StrictKubernetesLoader.load(yaml("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: {name: k}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Kubernetes core kind");
    }

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: t
              labels: {strimzi.io/cluster: c}
            spec:
              topicName: a.b
              partitions: 3
              replicas: 1
              config:
                cleanup.policy: compact
            """;

    @Test
    void crdSchemaAcceptsAValidKafkaTopic() throws Exception {
        assertThat(CrdSchemas.load().validate(yaml(TOPIC))).isEmpty();
    }

    @Test
    void crdSchemaRejectsAnUnknownFieldAndAWrongType() throws Exception {
        CrdSchemas crds = CrdSchemas.load();
        assertThat(crds.validate(yaml(TOPIC.replace("  replicas: 1", "  replicas: 1\n  retention: 7d"))))
                .anySatisfy(m -> assertThat(m).contains("retention"));
        assertThat(crds.validate(yaml(TOPIC.replace("partitions: 3", "partitions: three"))))
                .anySatisfy(m -> assertThat(m).contains("partitions"));
    }

    @Test
    void crdSchemaRejectsAnUnknownListenerFieldInKafka() throws Exception {
        String kafka = """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: c}
                spec:
                  kafka:
                    listeners:
                      - {name: plain, port: 9092, type: internal, tls: false, protocol: PLAINTEXT}
                """;
        assertThat(CrdSchemas.load().validate(yaml(kafka))).anySatisfy(m -> assertThat(m).contains("protocol"));
    }

    @Test
    void crdSchemaKnowsKedaScaledObjects() throws Exception {
        String scaled = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: s}
                spec:
                  scaleTargetRef: {name: d}
                  maxReplicaCount: "3"
                  triggers:
                    - type: kafka
                      metadata: {topic: a}
                """;
        assertThat(CrdSchemas.load().validate(yaml(scaled))).anySatisfy(m -> assertThat(m).contains("maxReplicaCount"));
        assertThat(CrdSchemas.load().validate(yaml(scaled.replace("\"3\"", "3")))).isEmpty();
    }
}
