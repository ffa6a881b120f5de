package org.openedx.suite.credentials.program;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openedx.suite.contracts.CourseKey;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/programs}: programs, set up by the operator. A new program awards its certificate at once to those who
 * already hold a credential for every one of its course runs.
 */
@RestController
@RequestMapping("/api/programs")
@Validated
class ProgramController {

    private final Programs programs;

    ProgramController(Programs programs) {
        this.programs = programs;
    }

    @PostMapping
    ResponseEntity<ProgramResponse> create(@Valid @RequestBody ProgramRequest request) {
        ProgramResponse created = programs.create(request);
        return ResponseEntity.created(URI.create("/api/programs/" + created.uuid())).body(created);
    }

    @GetMapping
    List<ProgramResponse> list() {
        return programs.all();
    }

    @GetMapping("/{uuid}")
    ProgramResponse show(@PathVariable UUID uuid) {
        return programs.find(uuid);
    }

    /**
     * @param type        e.g. {@code MicroMasters}, {@code XSeries}, {@code Professional Certificate}
     * @param courseKeys  the course runs whose credentials together earn the program certificate
     */
    record ProgramRequest(@NotBlank @Size(max = 255) String title,
                          @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                                  message = "must be letters, digits, '_', '-' or '.'") String organization,
                          @NotBlank @Size(max = 100) String type,
                          @NotEmpty @Size(max = 50) List<@NotNull @CourseKey String> courseKeys) {
    }

    record ProgramResponse(UUID uuid, String title, String organization, String type, List<String> courseKeys,
                           Instant created) {

        static ProgramResponse of(Program program) {
            return new ProgramResponse(program.uuid(), program.title(), program.organization(), program.type(),
                    program.courseKeys(), program.created());
        }
    }
}
