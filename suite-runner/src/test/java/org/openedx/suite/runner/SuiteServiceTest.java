package org.openedx.suite.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteServiceTest {

    @TempDir
    Path repo;

    @Test
    void each_service_has_the_port_and_database_of_the_specification() {
        assertThat(SuiteService.CMS.specPort()).isEqualTo(18010);
        assertThat(SuiteService.DISCOVERY.specPort()).isEqualTo(18381);
        assertThat(SuiteService.LMS.specPort()).isEqualTo(18000);
        assertThat(SuiteService.CREDENTIALS.specPort()).isEqualTo(18150);
        assertThat(SuiteService.EXAMS.specPort()).isEqualTo(18740);
        assertThat(SuiteService.CMS.database()).isEqualTo("cms");
        assertThat(SuiteService.CMS.eventSource()).isEqualTo("openedx/cms/web");
    }

    @Test
    void the_jar_is_the_modules_packaged_spring_boot_jar() throws IOException {
        writeJar(SuiteService.LMS, true);

        assertThat(SuiteService.LMS.isBuilt(repo)).isTrue();
        assertThat(SuiteService.LMS.jar(repo))
                .isEqualTo(repo.resolve("lms-service/target/lms-service-1.0.0-SNAPSHOT.jar"));
    }

    @Test
    void a_missing_jar_says_how_to_build_it() {
        assertThat(SuiteService.EXAMS.isBuilt(repo)).isFalse();
        assertThatThrownBy(() -> SuiteService.EXAMS.jar(repo))
                .hasMessageContaining("exams-service is not built")
                .hasMessageContaining("./mvnw package -DskipTests");
    }

    @Test
    void a_module_that_is_not_a_spring_boot_application_yet_is_not_built() throws IOException {
        writeJar(SuiteService.CMS, false);

        assertThat(SuiteService.CMS.isBuilt(repo)).isFalse();
        assertThat(SuiteService.CMS.whyNotBuilt(repo)).contains("no Main-Class");
    }

    private void writeJar(SuiteService service, boolean executable) throws IOException {
        Path jar = service.jarPath(repo);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (executable) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
    }
}
