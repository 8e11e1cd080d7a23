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
