package dev.newswire.deploy;

import static dev.newswire.deploy.Manifests.at;
import static dev.newswire.deploy.Manifests.labels;
import static dev.newswire.deploy.Manifests.list;
import static dev.newswire.deploy.Manifests.map;
import static dev.newswire.deploy.Manifests.name;
import static dev.newswire.deploy.Manifests.selects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.newswire.model.Topics;
import io.kubernetes.client.custom.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every kustomize overlay (and the base) with {@code kubectl kustomize} and checks what a
 * cluster would: strict schemas for core and custom resources, and the references between objects
 * that no schema sees (selectors, probe ports, ConfigMaps, the Kafka bootstrap Service name).
 */
class KubernetesManifestsTest {

    /** The three services, as named in the repository, in the manifests and in the images. */
    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "api-service");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final CrdSchemas CRDS = CrdSchemas.load();

    /** deploy/k8s/base and every folder under deploy/k8s/overlays. */
    static Stream<String> kustomizations() throws IOException {
        List<String> dirs = new ArrayList<>(List.of("base"));
        try (Stream<Path> overlays = Files.list(RepoPaths.k8s().resolve("overlays"))) {
            overlays.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> "overlays/" + d.getFileName()).sorted().forEach(dirs::add);
        }
        return dirs.stream();
    }

    static Manifests rendered(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, k -> {
            try {
                return new Manifests(Kustomize.render(RepoPaths.k8s().resolve(k)));
            } catch (IOException e) {
                throw new AssertionError(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void thereAreDevAndProdOverlays() throws IOException {
        assertThat(kustomizations()).contains("overlays/dev", "overlays/prod");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyObjectLoadsStrictly(String kustomization) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : rendered(kustomization).all()) {
            String apiVersion = String.valueOf(doc.get("apiVersion"));
            String kind = String.valueOf(doc.get("kind"));
            if (StrictKubernetesLoader.modelClass(apiVersion, kind) != null) {
                try {
                    StrictKubernetesLoader.load(doc);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            } else if (CRDS.knows(apiVersion, kind)) {
                CRDS.validate(doc).forEach(m -> problems.add(kind + "/" + name(doc) + ": " + m));
            } else {
                problems.add(kind + "/" + name(doc) + ": " + apiVersion + " is neither a core kind nor one of the known CRDs");
            }
        }
        assertThat(problems).as("strict validation of %s", kustomization).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyServiceHasItsObjects(String kustomization) {
        Manifests m = rendered(kustomization);
        for (String service : SERVICES) {
            m.get("Deployment", service);
            m.get("Service", service);
            m.get("PodDisruptionBudget", service);
        }
        assertThat(at(m.get("HorizontalPodAutoscaler", "api-service"), "spec", "scaleTargetRef", "name")).isEqualTo("api-service");
        assertThat(at(m.get("ScaledObject", "enrich-service"), "spec", "scaleTargetRef", "name")).isEqualTo("enrich-service");
        assertThat(m.ofKind("Kafka")).hasSize(1);
        assertThat(m.ofKind("KafkaNodePool")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void selectorsMatchPodLabels(String kustomization) {
        Manifests m = rendered(kustomization);
        List<Map<String, String>> podLabels = new ArrayList<>();
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            Map<String, Object> selector = map(at(deployment, "spec", "selector", "matchLabels"));
            Map<String, String> labels = labels(map(at(deployment, "spec", "template")));
            assertThat(selects(selector, labels)).as("Deployment/%s selector %s matches its pod labels %s",
                    name(deployment), selector, labels).isTrue();
            assertThat(at(deployment, "spec", "selector", "matchExpressions")).as("matchExpressions are not checked here").isNull();
            podLabels.add(labels);
        }
        for (Map<String, Object> service : m.ofKind("Service")) {
            Map<String, Object> selector = map(at(service, "spec", "selector"));
            assertThat(podLabels.stream().filter(l -> selects(selector, l)).count())
                    .as("Service/%s selector %s selects exactly one Deployment's pods", name(service), selector).isEqualTo(1);
        }
        for (Map<String, Object> pdb : m.ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = map(at(pdb, "spec", "selector", "matchLabels"));
            assertThat(podLabels.stream().filter(l -> selects(selector, l)).count())
                    .as("PodDisruptionBudget/%s selects exactly one Deployment's pods", name(pdb)).isEqualTo(1);
        }
        for (String scaler : List.of("HorizontalPodAutoscaler", "ScaledObject")) {
            for (Map<String, Object> s : m.ofKind(scaler)) {
                m.get("Deployment", String.valueOf(at(s, "spec", "scaleTargetRef", "name")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void portsAndProbesHitWhatTheServicesServe(String kustomization) {
        Manifests m = rendered(kustomization);
        for (String service : SERVICES) {
            int port = RepoPaths.httpPort(service);
            String health = RepoPaths.healthRoot(service);
            Map<String, Object> container = onlyContainer(m.get("Deployment", service));
            Map<String, Integer> namedPorts = list(container.get("ports")).stream().map(Manifests::map)
                    .collect(Collectors.toMap(p -> String.valueOf(p.get("name")), p -> (Integer) p.get("containerPort")));
            assertThat(namedPorts.values()).as("%s containerPort is quarkus.http.port", service).containsExactly(port);

            Map<String, String> expectedPaths = Map.of(
                    "livenessProbe", health + "/live",
                    "readinessProbe", health + "/ready",
                    "startupProbe", health + "/started");
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                assertThat(container.get(probe)).as("%s has a %s", service, probe).isNotNull();
            }
            expectedPaths.forEach((probe, path) -> {
                Map<String, Object> httpGet = map(at(container, probe, "httpGet"));
                if (container.get(probe) == null) {
                    return;
                }
                assertThat(httpGet.get("path")).as("%s %s path", service, probe).isEqualTo(path);
                assertThat(resolvePort(httpGet.get("port"), namedPorts)).as("%s %s port", service, probe).isEqualTo(port);
            });

            Map<String, Object> svc = m.get("Service", service);
            List<Object> ports = list(at(svc, "spec", "ports"));
            assertThat(ports).hasSize(1);
            assertThat(resolvePort(map(ports.get(0)).get("targetPort"), namedPorts)).as("Service/%s targetPort", service).isEqualTo(port);
            assertThat(map(ports.get(0)).get("port")).as("Service/%s keeps the contract port", service).isEqualTo(port);
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void podsRunNonRootReadOnlyWithLimitsAndWritableTmp(String kustomization) {
        for (Map<String, Object> deployment : rendered(kustomization).ofKind("Deployment")) {
            String n = name(deployment);
            Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as("%s runAsNonRoot", n).isEqualTo(true);
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", n).isEqualTo(true);
                assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", n).isEqualTo(false);
                for (String bound : List.of("requests", "limits")) {
                    assertThat(map(at(container, "resources", bound))).as("%s resources.%s", n, bound).containsKeys("cpu", "memory");
                }
                String tmpVolume = list(container.get("volumeMounts")).stream().map(Manifests::map)
                        .filter(v -> "/tmp".equals(v.get("mountPath"))).map(v -> String.valueOf(v.get("name")))
                        .findFirst().orElseThrow(() -> new AssertionError(n + " mounts nothing on /tmp"));
                Map<String, Object> volume = list(pod.get("volumes")).stream().map(Manifests::map)
                        .filter(v -> tmpVolume.equals(v.get("name"))).findFirst().orElseThrow();
                assertThat(volume).as("%s /tmp is an emptyDir", n).containsKey("emptyDir");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyReferencedConfigMapSecretAndServiceExists(String kustomization) {
        Manifests m = rendered(kustomization);
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
            for (Object c : list(pod.get("containers"))) {
                for (Object from : list(map(c).get("envFrom"))) {
                    require(m, "ConfigMap", at(from, "configMapRef", "name"), missing);
                    require(m, "Secret", at(from, "secretRef", "name"), missing);
                }
                for (Object env : list(map(c).get("env"))) {
                    require(m, "ConfigMap", at(env, "valueFrom", "configMapKeyRef", "name"), missing);
                    require(m, "Secret", at(env, "valueFrom", "secretKeyRef", "name"), missing);
                }
            }
            for (Object v : list(pod.get("volumes"))) {
                require(m, "ConfigMap", at(v, "configMap", "name"), missing);
                require(m, "Secret", at(v, "secret", "secretName"), missing);
            }
        }
        // Services the pods are told to reach by name (host:port values in ConfigMaps).
        String bootstrapService = KafkaManifestsTest.kafkaBootstrap(m).split(":")[0];
        for (Map<String, Object> cm : m.ofKind("ConfigMap")) {
            map(cm.get("data")).forEach((key, value) -> {
                for (String service : SERVICES) {
                    if (String.valueOf(value).contains("//" + service + ":") || String.valueOf(value).startsWith(service + ":")) {
                        require(m, "Service", service, missing);
                    }
                }
            });
        }
        assertThat(bootstrapService).as("bootstrap Service is the one Strimzi creates").endsWith("-kafka-bootstrap");
        assertThat(missing).as("dangling references in %s", kustomization).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void imagesAreTaggedNeverLatest(String kustomization) {
        for (Map<String, Object> deployment : rendered(kustomization).ofKind("Deployment")) {
            for (Object c : list(at(deployment, "spec", "template", "spec", "containers"))) {
                String image = String.valueOf(map(c).get("image"));
                String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                assertThat(afterRegistry.contains(":") || image.contains("@sha256:"))
                        .as("%s image %s has a tag or digest", name(deployment), image).isTrue();
                assertThat(afterRegistry).as("%s image tag", name(deployment)).doesNotEndWith(":latest");
            }
        }
    }

    /**
     * enrich-service used 630 MiB under a 768 MiB container limit with its models loaded (measured
     * with the compose stack, deploy/README.md): a smaller limit gets it OOM-killed at start.
     */
    @ParameterizedTest
    @MethodSource("kustomizations")
    void enrichHasRoomForItsModels(String kustomization) {
        Map<String, Object> container = onlyContainer(rendered(kustomization).get("Deployment", "enrich-service"));
        for (String bound : List.of("requests", "limits")) {
            String memory = String.valueOf(at(container, "resources", bound, "memory"));
            assertThat(Quantity.fromString(memory).getNumber())
                    .as("enrich-service memory %s %s", bound, memory)
                    .isGreaterThanOrEqualTo(Quantity.fromString("768Mi").getNumber());
        }
    }

    @Test
    void devIsSmallAndProdIsReplicatedWithMorePartitions() {
        Manifests dev = rendered("overlays/dev");
        Manifests prod = rendered("overlays/prod");
        for (String service : SERVICES) {
            assertThat(at(dev.get("Deployment", service), "spec", "replicas")).as("dev %s replicas", service).isEqualTo(1);
            assertThat(at(prod.get("Deployment", service), "spec", "replicas")).as("prod %s replicas", service).isEqualTo(3);
        }
        assertThat((Integer) at(prod.get("KafkaNodePool", "dual-role"), "spec", "replicas")).isEqualTo(3);
        for (String topic : List.of(Topics.RAW, Topics.ENRICHED)) {
            assertThat((Integer) at(KafkaManifestsTest.topics(prod).get(topic), "spec", "partitions"))
                    .isGreaterThan((Integer) at(KafkaManifestsTest.topics(dev).get(topic), "spec", "partitions"));
            assertThat(at(KafkaManifestsTest.topics(prod).get(topic), "spec", "replicas")).isEqualTo(3);
        }
        assertThat(dev.get("Namespace", "newswire-dev")).isNotNull();
        assertThat(dev.all()).allMatch(d -> "Namespace".equals(d.get("kind"))
                || "newswire-dev".equals(at(d, "metadata", "namespace")));
    }

    // --- helpers ---------------------------------------------------------------------------

    static Map<String, Object> onlyContainer(Map<String, Object> deployment) {
        List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).as("%s containers", name(deployment)).hasSize(1);
        return map(containers.get(0));
    }

    private static int resolvePort(Object port, Map<String, Integer> namedPorts) {
        if (port instanceof Integer i) {
            return i;
        }
        Integer resolved = namedPorts.get(String.valueOf(port));
        if (resolved == null) {
            fail("port " + port + " is not a named container port " + namedPorts.keySet());
        }
        return resolved;
    }

    private static void require(Manifests m, String kind, Object name, List<String> missing) {
        if (name != null && m.find(kind, String.valueOf(name)).isEmpty()) {
            missing.add(kind + "/" + name);
        }
    }
}
