package org.openedx.suite.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * The services of the suite, with the port and database the specification gives each, and the topics each produces
 * and consumes (its ACLs on the broker, ADR 8).
 */
public enum SuiteService {

    CMS("cms-service", 18010, "cms", List.of(Topic.CATALOG, Topic.XBLOCKS, Topic.ANALYTICS), List.of()),
    DISCOVERY("discovery-service", 18381, "discovery", List.of(), List.of(Topic.CATALOG)),
    LMS("lms-service", 18000, "lms", List.of(Topic.CERTIFICATES, Topic.BADGES, Topic.ANALYTICS),
            List.of(Topic.CATALOG, Topic.EXAM_ATTEMPTS, Topic.PROGRAM_CERTIFICATES)),
    CREDENTIALS("credentials-service", 18150, "credentials", List.of(Topic.PROGRAM_CERTIFICATES, Topic.BADGES),
            List.of(Topic.CERTIFICATES, Topic.BADGES)),
    EXAMS("exams-service", 18740, "exams", List.of(Topic.EXAM_ATTEMPTS, Topic.ANALYTICS), List.of()),
    INSIGHTS("insights-service", 18110, "insights", List.of(), List.of(Topic.ANALYTICS));

    private final String module;
    private final int specPort;
    private final String database;
    private final List<String> producedTopics;
    private final List<String> consumedTopics;

    SuiteService(String module, int specPort, String database, List<String> producedTopics,
                 List<String> consumedTopics) {
        this.module = module;
        this.specPort = specPort;
        this.database = database;
        this.producedTopics = producedTopics;
        this.consumedTopics = consumedTopics;
    }

    /** The topics (without the suite's prefix) the service writes its events to, as Open edX names them. */
    public List<String> producedTopics() {
        return producedTopics;
    }

    /** The topics (without the suite's prefix) whose events the service applies. */
    public List<String> consumedTopics() {
        return consumedTopics;
    }

    /** The Maven module, which is also the service's name in logs and output. */
    public String module() {
        return module;
    }

    public int specPort() {
        return specPort;
    }

    /** The database the service owns; its user and password have the same name. */
    public String database() {
        return database;
    }

    /** The Open edX service name, as in the {@code ce_source} header {@code openedx/<name>/web}. */
    public String shortName() {
        return database;
    }

    public String eventSource() {
        return "openedx/" + shortName() + "/web";
    }

    /** The service's executable jar, built by {@code ./mvnw package}. */
    public Path jar(Path repoRoot) {
        return ModuleJar.require(repoRoot, module);
    }

    /** Whether {@code ./mvnw package} has built this service as an executable jar (a stub module's jar is not). */
    public boolean isBuilt(Path repoRoot) {
        return ModuleJar.isBuilt(repoRoot, module);
    }

    /** Why {@link #isBuilt} is false, for a warning line; null when it is built. */
    public String whyNotBuilt(Path repoRoot) {
        return ModuleJar.whyNotBuilt(repoRoot, module);
    }

    /** Where {@code ./mvnw package} puts the service's jar, whether or not it is there. */
    public Path jarPath(Path repoRoot) {
        return ModuleJar.path(repoRoot, module);
    }

    /** Open edX's topic names, as event-contracts' {@code Topics} has them (checked by the integration tests). */
    static final class Topic {
        static final String CATALOG = "course-catalog-info-changed";
        static final String XBLOCKS = "content-authoring-xblock-lifecycle";
        static final String CERTIFICATES = "learning-certificate-lifecycle";
        static final String BADGES = "learning-badges-lifecycle";
        static final String EXAM_ATTEMPTS = "learning-exam-attempt-lifecycle";
        static final String PROGRAM_CERTIFICATES = "learning-program-certificate-lifecycle";
        static final String ANALYTICS = "analytics";

        private Topic() {
        }
    }
}
