package org.openedx.suite.credentials.badge;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/badge-templates}: what earns a badge of an organization, set up by the operator. A template counts only
 * once activated ({@code POST /api/badge-templates/{uuid}/activate}; {@code .../deactivate} stops it counting).
 */
@RestController
@RequestMapping("/api/badge-templates")
@Validated
class BadgeTemplateController {

    private final BadgeTemplates templates;
    private final BadgeProgressions progressions;

    BadgeTemplateController(BadgeTemplates templates, BadgeProgressions progressions) {
        this.templates = templates;
        this.progressions = progressions;
    }

    @PostMapping
    ResponseEntity<TemplateResponse> create(@Valid @RequestBody TemplateRequest request) {
        TemplateResponse created = TemplateResponse.of(templates.create(request));
        return ResponseEntity.created(URI.create("/api/badge-templates/" + created.uuid())).body(created);
    }

    @GetMapping
    List<TemplateResponse> list() {
        return templates.all().stream().map(TemplateResponse::of).toList();
    }

    @GetMapping("/{uuid}")
    TemplateResponse show(@PathVariable UUID uuid) {
        return TemplateResponse.of(templates.require(uuid));
    }

    /** A learner's progress towards the template's badge: requirements fulfilled, values counted, groups met. */
    @GetMapping("/{uuid}/progress")
    ProgressResponse progress(@PathVariable UUID uuid, @RequestParam(required = false) String username) {
        if (username == null || username.isBlank()) {
            throw org.openedx.suite.web.ApiException.badRequest("username", "is required: whose progress to show");
        }
        return progressions.progress(uuid, username);
    }

    @PostMapping("/{uuid}/activate")
    TemplateResponse activate(@PathVariable UUID uuid) {
        return TemplateResponse.of(templates.activate(uuid, true));
    }

    @PostMapping("/{uuid}/deactivate")
    TemplateResponse deactivate(@PathVariable UUID uuid) {
        return TemplateResponse.of(templates.activate(uuid, false));
    }

    /**
     * @param provider           {@code credly}, {@code accredible} or {@code internal}
     * @param providerTemplateId the provider's badge template (Credly) or group (Accredible); required for them
     */
    record TemplateRequest(@NotBlank @Size(max = 255) String name, @Size(max = 2000) String description,
                           @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                                   message = "must be letters, digits, '_', '-' or '.'") String organization,
                           @NotNull @Pattern(regexp = "credly|accredible|internal",
                                   message = "must be one of credly, accredible, internal") String provider,
                           @Size(max = 255) String providerTemplateId,
                           @NotNull @Size(max = 50) List<RequirementInput> requirements,
                           @Size(max = 50) List<PenaltyInput> penalties) {
    }

    /** @param counted per count requirement (by index), the distinct values counted so far */
    record ProgressResponse(UUID templateUuid, String username, List<Integer> fulfilledRequirements,
                            java.util.Map<Integer, java.util.TreeSet<String>> counted, int fulfilledGroups,
                            int groups, boolean complete) {
    }

    record TemplateResponse(UUID uuid, String name, String description, String organization, String provider,
                            String providerTemplateId, List<RequirementInput> requirements,
                            List<PenaltyInput> penalties, boolean active, Instant created) {

        static TemplateResponse of(BadgeTemplates.BadgeTemplate template) {
            return new TemplateResponse(template.uuid(), template.name(), template.description(),
                    template.organization(), template.provider(), template.providerTemplateId(),
                    template.requirements(), template.penalties(), template.active(), template.created());
        }
    }
}
