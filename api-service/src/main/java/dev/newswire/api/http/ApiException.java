package dev.newswire.api.http;

/** A request the API refuses; turned into a problem+json answer by {@link ProblemMapper}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String parameter;

    public ApiException(int status, String slug, String title, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.parameter = parameter;
    }

    /** 400 naming the query parameter at fault. */
    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, "bad-parameter", "Bad request parameter", detail, parameter);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null);
    }

    /**
     * A refusal named only by its status (routing, limits, decoding); {@code detail} null picks a
     * generic sentence, so no library message (class names, paths) reaches the client.
     */
    public static ApiException ofStatus(int status, String detail) {
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Content too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "HTTP " + status;
        };
        String text = detail != null ? detail : switch (status) {
            case 400 -> "the request could not be read (malformed URL, encoding or syntax)";
            case 404 -> "nothing is served at this path";
            case 405 -> "this method is not allowed here; the API answers GET";
            case 406 -> "no representation matches the Accept header";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported Content-Type";
            default -> status >= 500 ? "the server failed; see its log" : title;
        };
        String slug = switch (status) {
            case 404 -> "not-found";
            case 500 -> "internal";
            default -> "http-" + status;
        };
        return new ApiException(status, slug, title, text, null);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "Unauthorized",
                "a valid API key is required: send 'Authorization: Bearer <key>' or the query parameter 'key'", null);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }
}
