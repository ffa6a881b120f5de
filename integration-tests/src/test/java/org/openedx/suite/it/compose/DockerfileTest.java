package org.openedx.suite.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.it.compose.RepositoryFiles.ROOT;
import static org.openedx.suite.it.compose.RepositoryFiles.asMap;
import static org.openedx.suite.it.compose.RepositoryFiles.compose;
import static org.openedx.suite.it.compose.RepositoryFiles.read;
import static org.openedx.suite.it.compose.RepositoryFiles.servicesOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.compose.Dockerfile.Stage;

/**
 * The image every service runs in, as the Dockerfile describes it: built in one stage and run from another, on a Java
 * runtime (not a JDK) of version 21 or later, as a user other than root, with the program the compose health checks
 * call. The Dockerfile is only read, so this holds on a machine without Docker too.
 */
class DockerfileTest {

    private static final int LEAST_JAVA_VERSION = 21;

    private static final Dockerfile DOCKERFILE = Dockerfile.parse(read(ROOT.resolve("Dockerfile")));

    /**
     * What base images are known to ship, from their own Dockerfiles. eclipse-temurin's Ubuntu images (the default
     * variant and -focal, -jammy, -noble) install curl and wget, "for historical reasons" (adoptium/containers#255);
     * its Alpine, UBI and Windows images have no curl, so with those the Dockerfile must install it.
     */
    private static final Map<Pattern, Set<String>> TOOLS_SHIPPED = Map.of(
            Pattern.compile("(?:docker\\.io/)?(?:library/)?eclipse-temurin:[\\w.]+-(?:jre|jdk)"
                    + "(?:-(?:focal|jammy|noble))?(?:@sha256:\\w+)?"), Set.of("curl", "wget"));

    /** A package manager's install command; its packages run to the end of the shell command it is part of. */
    private static final Pattern INSTALL = Pattern.compile(
            "\\b(?:apt-get|apt|apk|microdnf|dnf|yum)\\s+(?:[-\\w=]+\\s+)*(?:install|add)\\b([^;&|]*)");

    @Test
    void the_image_is_built_in_one_stage_and_run_from_another_that_copies_what_the_build_produced() {
        assertThat(DOCKERFILE.stages()).as("the stages (FROM) of the Dockerfile").hasSizeGreaterThanOrEqualTo(2);
        Stage runtime = DOCKERFILE.runtime();
        Set<String> earlierStages = new TreeSet<>();
        DOCKERFILE.stages().subList(0, runtime.index()).forEach(stage -> {
            earlierStages.add(stage.name());
            earlierStages.add(String.valueOf(stage.index()));
        });

        List<String> copiedFrom = new ArrayList<>();
        for (String copy : runtime.arguments("COPY")) {
            Matcher from = Pattern.compile("--from=(\\S+)").matcher(copy);
            if (from.find()) {
                copiedFrom.add(from.group(1));
            }
        }
        assertThat(copiedFrom).as("what the runtime stage (FROM %s) copies from, among the earlier stages %s",
                runtime.image(), earlierStages).containsAnyElementsOf(earlierStages);
        assertThat(runtime.arguments("RUN")).as("the runtime stage's RUNs: the build belongs in the build stage")
                .noneMatch(run -> run.matches("(?s).*\\bmvnw?\\b.*"));
    }

    @Test
    void the_runtime_stage_starts_from_a_java_runtime_image_of_java_21_or_later() {
        String image = DOCKERFILE.runtime().image();
        List<String> tagParts = Arrays.asList(tagOf(image).split("-"));

        // a JDK would work too, but carries a compiler and tools the service never uses, to download and to patch
        assertThat(tagParts).as("the tag of the runtime image %s names a JRE", image).contains("jre");
        String version = tagParts.stream().filter(part -> part.matches("\\d.*")).findFirst().orElse("");
        Matcher major = Pattern.compile("^(\\d+)").matcher(version);
        assertThat(major.find()).as("the Java version in the tag of the runtime image %s", image).isTrue();
        assertThat(Integer.parseInt(major.group(1)))
                .as("the Java version of the runtime image %s", image)
                .isGreaterThanOrEqualTo(LEAST_JAVA_VERSION);
    }

    @Test
    void the_service_runs_as_a_user_other_than_root_that_the_image_creates() {
        Stage runtime = DOCKERFILE.runtime();
        List<String> users = runtime.arguments("USER");
        assertThat(users).as("USER in the runtime stage: without one the service runs as root").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];

        assertThat(user).as("the user the service runs as (the last USER of the runtime stage)")
                .isNotIn("root", "0");
        if (!user.matches("\\d+")) {
            // a named user the image lacks stops the container at start ("unable to find user")
            assertThat(usersCreated(runtime)).as("the users the runtime stage creates (useradd, adduser)")
                    .contains(user);
        }
    }

    @Test
    void the_program_the_compose_health_checks_call_is_in_the_runtime_image() {
        Map<String, String> calledBy = healthCheckProgramsOfServicesBuiltFromTheDockerfile();
        assertThat(calledBy).as("compose services built from the Dockerfile, with the program their health check "
                + "calls").isNotEmpty();

        Stage runtime = DOCKERFILE.runtime();
        Set<String> shipped = toolsShippedWith(runtime.image());
        Set<String> installed = new TreeSet<>();
        for (String run : runtime.arguments("RUN")) {
            Matcher install = INSTALL.matcher(run);
            while (install.find()) {
                for (String word : install.group(1).strip().split("\\s+")) {
                    if (!word.isEmpty() && !word.startsWith("-")) {
                        installed.add(word.split("=")[0]); // curl=8.5.0-2ubuntu10 is curl
                    }
                }
            }
        }
        Set<String> available = new TreeSet<>(shipped);
        available.addAll(installed);

        calledBy.forEach((service, program) -> assertThat(available)
                .as("the programs in the runtime image (its base %s is known to ship %s; the runtime stage installs "
                        + "%s), which must include %s, the health check of %s", runtime.image(), shipped, installed,
                        program, service)
                .contains(program));
    }

    // --- reading the compose file and the Dockerfile

    /** Service name to the program its health check runs, for the services compose builds from ./Dockerfile. */
    private static Map<String, String> healthCheckProgramsOfServicesBuiltFromTheDockerfile() {
        Map<String, String> programs = new TreeMap<>();
        servicesOf(compose()).forEach((name, definition) -> {
            Map<String, Object> service = asMap(definition, name);
            if (builtFromTheDockerfile(service.get("build")) && service.get("healthcheck") instanceof Map<?, ?> check
                    && check.get("test") != null) {
                programs.put(name, programOf(check.get("test")));
            }
        });
        return programs;
    }

    private static boolean builtFromTheDockerfile(Object build) {
        if (build instanceof String context) {
            return context.equals(".");
        }
        return build instanceof Map<?, ?> options && ".".equals(options.get("context"))
                && (options.get("dockerfile") == null || "Dockerfile".equals(options.get("dockerfile")));
    }

    /** ["CMD", program, ...] runs the program; ["CMD-SHELL", line] and a plain string run a shell line. */
    private static String programOf(Object test) {
        String command;
        if (test instanceof List<?> parts && !parts.isEmpty() && "CMD".equals(parts.get(0)) && parts.size() > 1) {
            command = String.valueOf(parts.get(1));
        } else if (test instanceof List<?> parts && parts.size() > 1) {
            command = String.valueOf(parts.get(1)).strip().split("\\s+")[0];
        } else {
            command = String.valueOf(test).strip().split("\\s+")[0];
        }
        return command.substring(command.lastIndexOf('/') + 1);
    }

    private static Set<String> toolsShippedWith(String image) {
        Set<String> tools = new TreeSet<>();
        TOOLS_SHIPPED.forEach((family, shipped) -> {
            if (family.matcher(image).matches()) {
                tools.addAll(shipped);
            }
        });
        return tools;
    }

    /** {@code registry:5000/name:tag@digest} gives {@code tag}; an image without a tag is "latest". */
    private static String tagOf(String image) {
        String withoutDigest = image.split("@")[0];
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : "latest";
    }

    /** The last word of each useradd or adduser command is the user it creates. */
    private static Set<String> usersCreated(Stage stage) {
        Set<String> users = new TreeSet<>();
        for (String run : stage.arguments("RUN")) {
            for (String command : run.split("&&|;|\\|\\|")) {
                String[] words = command.strip().split("\\s+");
                if (words.length > 1 && (words[0].equals("useradd") || words[0].equals("adduser"))) {
                    users.add(words[words.length - 1]);
                }
            }
        }
        return users;
    }
}
