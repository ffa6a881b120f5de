package org.openedx.suite.cms.content;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.contracts.UsageKey;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "content", description = "Author a course's outline: chapters, sequentials, verticals and their blocks")
@ApiResponse(responseCode = "400", description = "invalid request; the problem names the field, nothing changed",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "no such course or block",
        content = @Content(mediaType = "application/problem+json"))
class BlockController {

    private static final String COURSE_KEY = "a course key, course-v1:ORG+NUMBER+RUN, as it is";
    private static final String USAGE_KEY = "a usage key, block-v1:ORG+NUMBER+RUN+type@TYPE+block@ID, as it is";
    private static final String EXAMPLE_COURSE = "course-v1:edX+DemoX+2026";
    private static final String EXAMPLE_BLOCK = "block-v1:edX+DemoX+2026+type@html+block@intro";

    private final Blocks blocks;

    BlockController(Blocks blocks) {
        this.blocks = blocks;
    }

    @PostMapping(path = "/api/courses/{course_key}/blocks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a block at the end of its parent (a chapter: at the end of the course)",
            description = "Raises xblock.created; the block is tagged with the course's language and indexed.")
    @ApiResponse(responseCode = "201", description = "created")
    ResponseEntity<BlockResponse> create(
            @Parameter(description = COURSE_KEY, example = EXAMPLE_COURSE) @PathVariable("course_key") @CourseKey
            String courseKey,
            @Valid @RequestBody NewBlock request) {
        BlockResponse block = blocks.create(courseKey, request);
        return ResponseEntity.created(URI.create("/api/blocks/" + block.usageKey())).body(block);
    }

    @GetMapping(path = "/api/courses/{course_key}/blocks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The course's outline, depth first: each block before its children")
    List<BlockResponse> outline(
            @Parameter(description = COURSE_KEY, example = EXAMPLE_COURSE) @PathVariable("course_key") @CourseKey
            String courseKey) {
        return blocks.outline(courseKey);
    }

    @GetMapping(path = "/api/blocks/{usage_key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A block, with its children and its tags")
    BlockResponse get(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey) {
        return blocks.get(usageKey);
    }

    @PutMapping(path = "/api/blocks/{usage_key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit a block's display name and text; with parent_usage_key, move it to that parent's end",
            description = "Raises xblock.updated; the block and its descendants (whose breadcrumbs change) are "
                    + "indexed again.")
    BlockResponse update(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey,
            @Valid @RequestBody BlockEdit request) {
        return blocks.update(usageKey, request);
    }

    @DeleteMapping("/api/blocks/{usage_key}")
    @Operation(summary = "Delete a block and everything under it",
            description = "Raises xblock.deleted for each (on the bus too); their tags and documents go with them.")
    @ApiResponse(responseCode = "204", description = "deleted")
    ResponseEntity<Void> delete(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey) {
        blocks.delete(usageKey);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/blocks/{usage_key}/duplicate", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Copy a block and everything under it, right after the original",
            description = "Raises xblock.duplicated for each copy (on the bus too); copies get the originals' tags.")
    @ApiResponse(responseCode = "201", description = "the copy")
    ResponseEntity<BlockResponse> duplicate(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey) {
        BlockResponse copy = blocks.duplicate(usageKey);
        return ResponseEntity.created(URI.create("/api/blocks/" + copy.usageKey())).body(copy);
    }

    @PostMapping(path = "/api/blocks/{usage_key}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Publish a block and everything under it that changed since its last publish",
            description = "Raises xblock.published for each, on the bus through the outbox. A course publish "
                    + "publishes its whole outline the same way.")
    @ApiResponse(responseCode = "202", description = "accepted; the events will follow")
    ResponseEntity<PublishedBlocks> publish(
            @Parameter(description = USAGE_KEY, example = EXAMPLE_BLOCK) @PathVariable("usage_key") @UsageKey
            String usageKey) {
        return ResponseEntity.accepted().body(blocks.publish(usageKey));
    }
}
