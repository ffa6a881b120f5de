package org.openedx.suite.cms.tagging;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Taxonomy")
record TaxonomyResponse(
        String name,
        @Schema(description = "the system's own (Language)") boolean system,
        @Schema(description = "one tag of it per object") boolean singleValue,
        @Schema(description = "the values tags may take; empty for Language, whose values are ISO 639-1 codes")
        List<String> values,
        Instant createdAt) {

    static TaxonomyResponse of(Taxonomy taxonomy) {
        return new TaxonomyResponse(taxonomy.name(), taxonomy.system(), taxonomy.singleValue(), taxonomy.values(),
                taxonomy.createdAt());
    }
}
