package dev.newswire.ingest.replay;

public class ReplayNotFoundException extends RuntimeException {

    public ReplayNotFoundException(String id) {
        super("No replay with id '" + id + "'; GET /api/replay lists the known ones.", null, false, false);
    }
}
