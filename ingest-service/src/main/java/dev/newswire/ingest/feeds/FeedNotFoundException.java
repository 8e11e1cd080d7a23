package dev.newswire.ingest.feeds;

public class FeedNotFoundException extends RuntimeException {
    public FeedNotFoundException(String id) {
        super("No feed with id \"" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "\"; GET /api/feeds lists them.");
    }
}
