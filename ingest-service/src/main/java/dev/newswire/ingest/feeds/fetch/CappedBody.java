package dev.newswire.ingest.feeds.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body kept in memory up to {@code max} bytes. One byte more cancels the subscription
 * (which closes the connection) and fails with too-large, so a 100 MB answer costs at most
 * {@code max} bytes of heap. {@link #cancel()} is how the fetcher stops a body that drips past
 * its deadline.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;

    CappedBody(long max, long declaredLength) {
        this.max = max;
        if (declaredLength > max) {
            tooLarge("declares " + declaredLength + " bytes");
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (out.size() + (long) item.remaining() > max) {
                tooLarge("is larger");
                cancel();
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(new FetchException(FetchException.Kind.TIMEOUT, "body cancelled"));
    }

    private void tooLarge(String what) {
        result.completeExceptionally(new FetchException(FetchException.Kind.TOO_LARGE,
                "the answer " + what + " than the cap of " + max + " bytes"));
    }
}
