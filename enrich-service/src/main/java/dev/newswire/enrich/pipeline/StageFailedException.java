package dev.newswire.enrich.pipeline;

/** A stage threw: carries the stage name to the dead-letter headers. */
public final class StageFailedException extends RuntimeException {

    private final String stage;

    public StageFailedException(String stage, Throwable cause) {
        super("stage '" + stage + "' failed: " + cause, cause);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
