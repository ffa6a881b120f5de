package org.openedx.suite.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The executable jar {@code ./mvnw package} builds for a module: {@code <module>/target/<module>-<version>.jar}. */
final class ModuleJar {

    private static final String VERSION = "1.0.0-SNAPSHOT";

    private ModuleJar() {
    }

    /** Where the jar is, whether or not it is there. */
    static Path path(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    /**
     * The jar, built and executable.
     *
     * @throws IllegalStateException saying why not, and how to build it
     */
    static Path require(Path repoRoot, String module) {
        Path jar = path(repoRoot, module);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not built: " + jar + " is missing. "
                    + "Run ./mvnw package -DskipTests in " + repoRoot.toAbsolutePath().normalize() + " first.");
        }
        if (!isExecutable(jar)) {
            throw new IllegalStateException(module + " has no executable jar: " + jar + " has no Main-Class "
                    + "(the module is not a Spring Boot application yet, or spring-boot-maven-plugin is missing).");
        }
        return jar;
    }

    /** Whether the jar is built and executable (a stub module's jar is not). */
    static boolean isBuilt(Path repoRoot, String module) {
        Path jar = path(repoRoot, module);
        return Files.isRegularFile(jar) && isExecutable(jar);
    }

    /** Why {@link #isBuilt} is false, for a warning line; null when it is built. */
    static String whyNotBuilt(Path repoRoot, String module) {
        try {
            require(repoRoot, module);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static boolean isExecutable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
