package dev.newswire.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs {@code ./newswire up} as a user would (on spare ports, with its own run folder), checks the
 * whole system becomes ready and the seeds flow through to the api, then sends SIGINT to the
 * process group the way a terminal's Ctrl-C does and checks nothing is left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewswireUpTest {

    private static NewswireUpProcess up;
    private static long startedAt;

    @BeforeAll
    static void start() throws IOException {
        startedAt = System.nanoTime();
        up = NewswireUpProcess.start(28080, 29092, "newswire-up-test", Map.of());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        NewswireUpProcess.killIfAlive(up);
    }

    @Test
    @Order(1)
    void allThreeServicesBecomeReady() {
        up.awaitAllReady();
        System.out.printf("./newswire up: all ready after %d s%n", Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
    }

    @Test
    @Order(2)
    void theSeedsAreReplayedEnrichedAndServed() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(() -> countArticles() >= 5);
    }

    @Test
    @Order(3)
    void ctrlCStopsEveryProcessAndFreesThePorts() throws Exception {
        up.signalGroup("INT");
        assertThat(up.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("./newswire up exits after SIGINT").isTrue();
        up.awaitEverythingGone();
    }

    private static int countArticles() {
        try {
            HttpResponse<String> response = NewswireUpProcess.get("http://127.0.0.1:" + up.api + "/api/articles?limit=50");
            if (response.statusCode() != 200) {
                return 0;
            }
            // Count article ids without binding to the page's exact shape.
            return (int) java.util.regex.Pattern.compile("\"enrichedAt\"").matcher(response.body()).results().count();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
