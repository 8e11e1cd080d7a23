package dev.newswire.enrich.stories;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One story-step instance in a JVM of its own, for {@link StoryInstancesTest}: the service's topology
 * and Streams settings, nothing shared with the test's JVM but the broker. Runs until its standard
 * input closes (the test ends it), then leaves the group.
 * Args: bootstrap applicationId stateDir applicationServer pending enriched stories deadLetters.
 */
public final class StoryStepMain {

    public static void main(String[] args) throws Exception {
        KafkaStreams streams = StoryInstancesTest.instance(args[0], args[1], args[2], args[3],
                new StoryTopology.Topics(args[4], args[5], args[6], args[7]));
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        running.await();
        System.out.println("RUNNING");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to close our input
        }
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(20)));
    }

    private StoryStepMain() {
    }

}
