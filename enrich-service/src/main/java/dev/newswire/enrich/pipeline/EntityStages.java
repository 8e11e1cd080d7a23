package dev.newswire.enrich.pipeline;

import java.util.List;

/**
 * Stage 5 (entities) as built by its owner: kept in one place so {@link Pipeline} compiles while
 * the entity stages are being written. Returns the stages in order.
 */
final class EntityStages {

    private EntityStages() {
    }

    static List<Stage> create() {
        return List.of();
    }
}
