package org.openedx.suite.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxProcessTest {

    @TempDir
    Path repo;

    @Test
    void the_jar_is_the_integration_sandbox_modules_packaged_jar_and_a_missing_one_says_how_to_build_it() {
        assertThat(SandboxProcess.jarPath(repo))
                .isEqualTo(repo.resolve("integration-sandbox/target/integration-sandbox-1.0.0-SNAPSHOT.jar"));
        assertThat(SandboxProcess.isBuilt(repo)).isFalse();
        assertThatThrownBy(() -> SandboxProcess.jar(repo))
                .hasMessageContaining("integration-sandbox is not built")
                .hasMessageContaining("./mvnw package -DskipTests");
    }

    @Test
    void the_sandbox_gets_only_its_port_and_the_plagiarism_secret() {
        SandboxProcess.Config config = config(18900);

        assertThat(config.environment()).containsOnly(
                entry("SERVER_PORT", "18900"),
                entry("SANDBOX_PLAGIARISM_SECRET", "s3cret"));
        assertThat(SandboxProcess.SPEC_PORT).isEqualTo(18900);
    }

    @Test
    void the_lms_is_pointed_at_the_sandboxs_plagiarism_service_with_the_same_secret() {
        SandboxProcess.Config config = config(41234);

        assertThat(config.lmsEnvironment()).isEqualTo(Map.of(
                "OUTBOUND_ALLOWED_HOSTS", "localhost,127.0.0.1",
                "ORA_PLAGIARISM_URL", "http://localhost:41234/plagiarism/submissions",
                "ORA_PLAGIARISM_SECRET", "s3cret"));
    }

    @Test
    void the_lms_gets_the_external_systems_variables_besides_the_specified_ones() {
        ServiceProcess.Identity identity = new ServiceProcess.Identity("http://localhost:18000", "admin", false,
                repo.resolve("key.json"));
        ServiceProcess.Config lms = new ServiceProcess.Config(SuiteService.LMS, repo.resolve("lms.jar"), 18000,
                "jdbc:postgresql://localhost:15432/lms", "lms", "lms", "localhost:9092", new KafkaLogin("lms", "pw"),
                "", identity, repo.resolve("lms.log"), List.of(), config(18900).lmsEnvironment());

        assertThat(lms.environment())
                .containsEntry("ORA_PLAGIARISM_URL", "http://localhost:18900/plagiarism/submissions")
                .containsEntry("ORA_PLAGIARISM_SECRET", "s3cret")
                .containsEntry("OUTBOUND_ALLOWED_HOSTS", "localhost,127.0.0.1")
                .containsEntry("SERVER_PORT", "18000")
                .containsEntry("SUITE_ADMIN_CLIENT_SECRET", "admin");
    }

    private SandboxProcess.Config config(int port) {
        return new SandboxProcess.Config(SandboxProcess.jarPath(repo), port, "s3cret", repo.resolve("sandbox.log"),
                List.of());
    }
}
