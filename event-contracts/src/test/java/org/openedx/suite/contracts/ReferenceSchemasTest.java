package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The schemas the contract test reads are copies, kept in the repository so that it runs from any clone. Where the
 * suite's reference folder stands beside the clone (on a developer's machine it does), the copies must still be the
 * reference's files byte for byte, so that nobody can make the contract pass by editing the schema instead of the
 * record. A clone without the reference has nothing to compare, and says so as a skipped test.
 */
class ReferenceSchemasTest {

    @Test
    void every_schema_the_contract_reads_is_the_reference_file_unchanged() throws IOException {
        Path copies = Path.of(System.getProperty(AvroContract.AVRO_DIR_PROPERTY));
        String referenceProperty = System.getProperty("openedx.avro.reference.dir");
        assumeTrue(referenceProperty != null && Files.isDirectory(Path.of(referenceProperty)),
                "no reference folder beside this clone (" + referenceProperty + ")");
        Path reference = Path.of(referenceProperty);

        try (Stream<Path> files = Files.list(copies)) {
            for (Path copy : files.toList()) {
                Path original = reference.resolve(copy.getFileName());
                assertThat(original).as("the reference has %s", copy.getFileName()).isRegularFile();
                assertThat(Files.readAllBytes(copy)).as("%s is unchanged", copy.getFileName())
                        .isEqualTo(Files.readAllBytes(original));
            }
        }
    }

    @Test
    void there_is_a_copy_for_every_event_type_of_the_suite_and_no_other() throws IOException {
        Path copies = Path.of(System.getProperty(AvroContract.AVRO_DIR_PROPERTY));

        try (Stream<Path> files = Files.list(copies)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                            OpenEdxEvents.ALL.stream().map(type -> type.name() + ".avsc"),
                            java.util.stream.Stream.of(OraSubmissionEvent.TYPE, ContentAuthoringEvents.XBlockCreated.TYPE,
                                    ContentAuthoringEvents.XBlockUpdated.TYPE, ContentAuthoringEvents.CourseCreated.TYPE,
                                    ContentAuthoringEvents.ContentObjectTagsChanged.TYPE)
                                    .map(type -> type + ".avsc")).toList());
        }
    }
}
