package org.openedx.suite.cms.tagging;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.openedx.suite.contracts.UsageKey;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "tagging", description = "Taxonomies, and the tags authors and the CMS put on blocks")
@ApiResponse(responseCode = "400", description = "invalid request; the problem names the field, nothing changed",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
class TaggingController {

    private static final String USAGE_KEY = "a usage key, block-v1:ORG+NUMBER+RUN+type@TYPE+block@ID, as it is";
    private static final String EXAMPLE_BLOCK = "block-v1:edX+DemoX+2026+type@html+block@intro";

    private final Tagging tagging;

    TaggingController(Tagging tagging) {
        this.tagging = tagging;
    }

    @GetMapping(path = "/api/taxonomies", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The taxonomies, Language (the system's) among them")
    List<TaxonomyResponse> taxonomies() {
        return tagging.list();
    }

    @PostMapping(path = "/api/taxonomies", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a taxonomy with its values (the operator's)")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "409", description = "a taxonomy of that name exists",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<TaxonomyResponse> createTaxonomy(@Valid @RequestBody NewTaxonomy request) {
        TaxonomyResponse taxonomy = tagging.create(request);
        return ResponseEntity.created(URI.create("/api/taxonomies/" + taxonomy.name())).body(taxonomy);
    }

    @GetMapping(path = "/api/blocks/{usage_key}/tags", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A block's tags")
    @ApiResponse(responseCode = "404", description = "no such block",
            content = @Content(mediaType = "application/problem+json"))
    ObjectTagsResponse tags(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey) {
        return tagging.tagsOf(usageKey);
    }

    @PostMapping(path = "/api/blocks/{usage_key}/tags", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tag a block",
            description = "A Language tag replaces the block's other one. Raises content.object.tags.changed if the "
                    + "tags changed; the block's search document follows.")
    @ApiResponse(responseCode = "404", description = "no such block",
            content = @Content(mediaType = "application/problem+json"))
    ObjectTagsResponse tag(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey,
            @Valid @RequestBody NewTag request) {
        return tagging.tag(usageKey, request);
    }

    @DeleteMapping(path = "/api/blocks/{usage_key}/tags/{taxonomy}/{value}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remove a tag from a block",
            description = "Raises content.object.tags.changed if the block had the tag.")
    @ApiResponse(responseCode = "404", description = "no such block",
            content = @Content(mediaType = "application/problem+json"))
    ObjectTagsResponse untag(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey,
            @Parameter(example = "Language") @PathVariable("taxonomy") @Size(max = 64) String taxonomy,
            @Parameter(example = "fr") @PathVariable("value") @Size(max = 255) String value) {
        return tagging.untag(usageKey, taxonomy, value);
    }
}
