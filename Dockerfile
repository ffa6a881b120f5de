# One image per service of the suite, all from this file; the build argument SERVICE names the Maven module:
#
#   docker build --build-arg SERVICE=cms-service -t openedx-event-suite/cms-service .
#
# docker-compose.yml builds the six services and the integration sandbox (SERVICE=integration-sandbox) this way. A
# service reads only the specification's environment variables (SERVER_PORT, SPRING_DATASOURCE_*,
# SPRING_KAFKA_BOOTSTRAP_SERVERS, EVENT_BUS_TOPIC_PREFIX), the sandbox SERVER_PORT and SANDBOX_PLAGIARISM_SECRET; JVM
# options can be added with JAVA_TOOL_OPTIONS.

FROM eclipse-temurin:21-jdk-noble AS build
WORKDIR /build

# The poms alone first, so that the dependencies are downloaded into a layer of their own that a change to the
# sources does not invalidate. Maven reads the whole reactor even to build one module, so every module's pom must be
# here: a new module needs its line below.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY event-contracts/pom.xml event-contracts/
COPY event-bus/pom.xml event-bus/
COPY web-support/pom.xml web-support/
COPY outbound-delivery/pom.xml outbound-delivery/
COPY search-support/pom.xml search-support/
COPY opensearch-node/pom.xml opensearch-node/
COPY test-support/pom.xml test-support/
COPY cms-service/pom.xml cms-service/
COPY discovery-service/pom.xml discovery-service/
COPY lms-service/pom.xml lms-service/
COPY credentials-service/pom.xml credentials-service/
COPY exams-service/pom.xml exams-service/
COPY insights-service/pom.xml insights-service/
COPY integration-sandbox/pom.xml integration-sandbox/
COPY suite-runner/pom.xml suite-runner/
COPY integration-tests/pom.xml integration-tests/
COPY benchmarks/pom.xml benchmarks/
# For the whole reactor and before SERVICE is declared: the images share this one layer instead of downloading the
# same libraries once each.
RUN ./mvnw -B -ntp -q dependency:go-offline

ARG SERVICE
COPY . .
RUN if [ -z "$SERVICE" ] || [ ! -f "$SERVICE/pom.xml" ]; then \
        echo "SERVICE must name a service module, e.g. --build-arg SERVICE=cms-service (got '$SERVICE')" >&2; \
        exit 1; \
    fi
# Online: a few artifacts are resolved only while building (the repackaged jar's launcher tools, for one).
# A layer with nothing in it is not extracted, but the runtime stage copies all four: hence the mkdir (built in one
# reactor, the suite's own modules land in "application", leaving "snapshot-dependencies" empty).
RUN ./mvnw -B -ntp -pl "$SERVICE" -am package -DskipTests \
    && cp "$SERVICE/target/$SERVICE"-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted \
    && mkdir -p extracted/dependencies extracted/spring-boot-loader extracted/snapshot-dependencies \
        extracted/application

# The JRE image is Ubuntu with curl, which the compose health checks use.
FROM eclipse-temurin:21-jre-noble
RUN groupadd --system spring && useradd --system --gid spring --no-create-home --shell /usr/sbin/nologin spring \
    && mkdir -p /app/data && chown spring:spring /app/data
# /app/data is the services' own: the CMS's and discovery's embedded search indexes live there (data/search-index)
WORKDIR /app
# Least to most often changed, so a rebuild after a code change replaces only the last layer.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER spring:spring
# No EXPOSE: the port is whatever SERVER_PORT says (each service's default is its port in the specification).
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
