package org.openedx.suite.it.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openedx.suite.it.support.RunningSuite;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's files as the tests of this package read them: as text, and YAML as plain maps and lists. */
final class RepositoryFiles {

    /** The repository root: the system property suite.root, which the build sets, else the folder holding mvnw. */
    static final Path ROOT = RunningSuite.repoRoot();

    static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

    private RepositoryFiles() {
    }

    /** docker-compose.yml as written, with its anchors and {@code <<} merge keys resolved. */
    static Map<String, Object> compose() {
        return loadSingle(COMPOSE_FILE);
    }

    /** The compose file's services, by name. */
    static Map<String, Object> servicesOf(Map<String, Object> compose) {
        return asMap(compose.get("services"), "services");
    }

    static Map<String, Object> loadSingle(Path file) {
        List<Object> documents = loadAll(file);
        assertThat(documents).as("YAML documents in %s", file).hasSize(1);
        return asMap(documents.get(0), file.toString());
    }

    static List<Object> loadAll(Path file) {
        // the safe constructor builds only maps, lists and scalars; it resolves anchors and << merge keys
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Object> documents = new ArrayList<>();
        yaml.loadAll(read(file)).forEach(documents::add);
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (suite.root is " + ROOT + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
