package org.openedx.suite.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Payload of {@code org.openedx.learning.ora.submission.created.v1}: a learner submitted a response to an open
 * response assessment. Open edX sends it in-process (it has no topic on the event bus), and so does the suite.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OraSubmissionEvent(ORASubmissionData submission) {

    public static final String TYPE = "org.openedx.learning.ora.submission.created.v1";

    public OraSubmissionEvent {
        Objects.requireNonNull(submission, "submission");
    }

    /**
     * @param anonymousUserId the learner's id as course staff may see it
     * @param location        the ORA block's usage key
     * @param createdAt       ISO-8601, as the contract has it (a string)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"uuid", "anonymous_user_id", "location", "attempt_number", "created_at", "submitted_at",
            "answer"})
    public record ORASubmissionData(String uuid, String anonymousUserId, String location, long attemptNumber,
                                    String createdAt, String submittedAt, ORASubmissionAnswer answer) {

        public ORASubmissionData {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(anonymousUserId, "anonymous_user_id");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(createdAt, "created_at");
            Objects.requireNonNull(submittedAt, "submitted_at");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** @param parts each part of the response, as {@code {"text": ...}} */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"parts", "file_keys", "file_descriptions", "file_names", "file_sizes", "file_urls"})
    public record ORASubmissionAnswer(List<Map<String, String>> parts, List<String> fileKeys,
                                      List<String> fileDescriptions, List<String> fileNames, List<Long> fileSizes,
                                      List<String> fileUrls) {

        public ORASubmissionAnswer {
            parts = List.copyOf(parts);
            fileKeys = List.copyOf(fileKeys);
            fileDescriptions = List.copyOf(fileDescriptions);
            fileNames = List.copyOf(fileNames);
            fileSizes = List.copyOf(fileSizes);
            fileUrls = List.copyOf(fileUrls);
        }

        /** A text-only answer: one part, no files. */
        public static ORASubmissionAnswer text(String text) {
            return new ORASubmissionAnswer(List.of(Map.of("text", text)), List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
    }
}
