package dev.newswire.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One JVM the suite starts the way {@code ./newswire up} does ({@code java -Xmx… -jar …}), with its
 * own log file per start so a restart's readiness line is never read from the previous run.
 */
final class JavaProcess {

    private final String name;
    private final List<String> command;
    private final Path logDir;
    private Process process;
    private int starts;

    JavaProcess(String name, List<String> command, Path logDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logDir = logDir;
    }

    String name() {
        return name;
    }

    List<String> command() {
        return command;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log().toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The log of the current (latest) start. */
    synchronized Path log() {
        return logDir.resolve(name + "-" + starts + ".log");
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook, no flush, no group leave — a crash. */
    synchronized void kill9() {
        if (process != null) {
            process.destroyForcibly();
            waitExit(30);
        }
    }

    /** SIGTERM and wait for a clean stop (kill -9 after the grace period). */
    synchronized void stop(int graceSeconds) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitExit(graceSeconds)) {
                kill9();
            }
        }
    }

    synchronized boolean logContains(String text) {
        try {
            return Files.exists(log()) && Files.readString(log()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean waitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + (alive() ? " (pid " + process.pid() + ")" : " (stopped)");
    }
}
