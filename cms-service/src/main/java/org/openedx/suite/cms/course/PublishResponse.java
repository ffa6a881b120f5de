package org.openedx.suite.cms.course;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A publish accepted: the catalog event leaves once the publishing transaction has committed. */
@Schema(name = "Publication")
record PublishResponse(
        String courseKey,
        @Schema(description = "ce_id of the catalog_info.changed event") UUID eventId) {
}
