package dev.newswire.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.NewsJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** JSON answers use the contract's mapping (ISO-8601 times, no nulls). */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        NewsJson.configure(mapper);
    }
}
