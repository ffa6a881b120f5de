package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Payload of {@code org.openedx.content_authoring.course.catalog_info.changed.v1}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogInfoChangedEvent(@Valid CourseCatalogData catalogInfo) {

    public CatalogInfoChangedEvent {
        Objects.requireNonNull(catalogInfo, "catalog_info");
    }
}
