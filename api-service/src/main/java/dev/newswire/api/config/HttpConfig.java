package dev.newswire.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * HTTP hardening of the api-service ({@code newswire.api.http.*}). The request limits sit below
 * the Vert.x codec caps set in application.properties ({@code quarkus.http.limits.*}) so that a
 * request over a limit still reaches the router and gets a problem+json answer; only a request
 * over the codec caps themselves is refused bare by Vert.x.
 */
@ConfigMapping(prefix = "newswire.api.http")
public interface HttpConfig {

    /** Origins whose pages may read the API and the stream (CORS), e.g. {@code https://news.example}; empty = none. */
    Optional<List<String>> corsOrigins();

    /** Longest request target (path and query) in characters; longer is 414. */
    @WithDefault("8192")
    int maxUrlLength();

    /** Largest sum of request header names and values in bytes; more is 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /** Largest declared request body in bytes; more is 413. The API reads no bodies. */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Content-Security-Policy of every answer: own scripts and styles only, no framing. */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    String contentSecurityPolicy();
}
