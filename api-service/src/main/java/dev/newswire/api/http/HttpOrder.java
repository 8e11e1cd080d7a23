package dev.newswire.api.http;

/**
 * Where the hardening handlers sit in the Vert.x router, before anything that answers (JAX-RS,
 * the stream route, static resources): headers first, so that every answer carries them, then
 * size limits, CORS, the key check, the page assets.
 */
final class HttpOrder {

    static final int FAILURES = -20_000;
    static final int SECURITY_HEADERS = -10_000;
    static final int REQUEST_LIMITS = -9_000;
    static final int CORS = -8_000;
    static final int API_KEYS = -7_000;
    static final int PAGE_ASSETS = -6_000;

    private HttpOrder() {
    }
}
