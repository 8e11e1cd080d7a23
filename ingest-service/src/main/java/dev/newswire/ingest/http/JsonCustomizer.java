package dev.newswire.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.NewsJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Quarkus's ObjectMapper writes HTTP answers with the contract's JSON settings (ISO instants, no nulls). */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        NewsJson.configure(mapper);
    }
}
