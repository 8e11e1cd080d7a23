package dev.newswire.ingest.feeds;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer on its own daemon thread that starts over after a failure until closed. The
 * feed view and the feed ownership both follow a topic outside SmallRye (one reads it whole without a
 * group, the other only holds group membership), and both must survive a broker that goes away: a
 * failed consumer is closed and a new one made a second later, so a broker outage never ends the loop.
 */
final class ConsumerLoop implements AutoCloseable {

    /** What to do with a fresh consumer; returns when {@link #running()} turns false or throws to start over. */
    interface Body {
        void follow(KafkaConsumer<String, byte[]> consumer);
    }

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<Map<String, Object>> properties;
    private final Body body;
    private final Consumer<RuntimeException> onFailure;
    private final Duration joinWait;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ConsumerLoop(String name, Supplier<Map<String, Object>> properties, Body body, Consumer<RuntimeException> onFailure,
            Duration joinWait) {
        this.name = name;
        this.properties = properties;
        this.body = body;
        this.onFailure = onFailure;
        this.joinWait = joinWait;
    }

    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** False once {@link #close()} was called; the body's poll loop checks it. */
    boolean running() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties.get(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = c;
                body.follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                onFailure.accept(e);
                LockSupport.parkNanos(RETRY.toNanos());
            }
        }
    }

    /** Stops the loop: wakes a blocked poll and waits (bounded) for the thread to close its consumer. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(joinWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
