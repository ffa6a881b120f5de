#!/usr/bin/env bash
# Runs the whole suite on this machine, without Docker: Kafka on 9092, PostgreSQL on 15432, every built service on
# its port from the specification and the integration sandbox on 18900 (docs/integration-sandbox.md), with data under
# .local/ (kept across runs). Ctrl-C stops everything.
#
#   scripts/run-local.sh              build what changed since the last build (./mvnw package -DskipTests), then run
#   scripts/run-local.sh --no-build   run what is built
#   scripts/run-local.sh --build      build, then run
#
# Environment: JAVA_HOME (else java on the PATH); SUITE_JVM_OPTIONS replaces the services' JVM options;
# SUITE_DATA_DIR puts the data (and logs) somewhere else than .local/; SUITE_PLAGIARISM_SECRET chooses the secret of the
# sandbox's plagiarism callbacks (default: a random one per run).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=auto
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    --build) build=yes ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

runner_jar="suite-runner/target/suite-runner-1.0.0-SNAPSHOT.jar"
runner_lib="suite-runner/target/lib"
stamp=".local/last-build"

# Up to date when the runner is built and no pom.xml or main source changed since the last build by this script.
needs_build() {
  [ -f "$runner_jar" ] && [ -d "$runner_lib" ] && [ -f "$stamp" ] || return 0
  [ -n "$(find . \( -path ./.local -o -path '*/target' -o -path './.git' \) -prune -o \
      -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit)" ]
}

if [ "$build" = yes ] || { [ "$build" = auto ] && needs_build; }; then
  echo "Building the suite (./mvnw -B -q package -DskipTests) ..."
  mkdir -p .local
  # stamp the start, so a file edited during the build counts as changed next time
  touch "$stamp.new"
  ./mvnw -B -q package -DskipTests
  mv "$stamp.new" "$stamp"
fi

if [ ! -f "$runner_jar" ] || [ ! -d "$runner_lib" ]; then
  echo "$runner_jar is missing: run without --no-build (or ./mvnw package -DskipTests) first." >&2
  exit 1
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jvm_options=()
if [ -n "${SUITE_JVM_OPTIONS:-}" ]; then
  jvm_options+=("-Dsuite.jvmOptions=$SUITE_JVM_OPTIONS")
fi
# exec: the JVM gets Ctrl-C directly and stops the services, Kafka and PostgreSQL in order
exec "$java" -Xmx256m -XX:+UseSerialGC ${jvm_options[@]+"${jvm_options[@]}"} \
  -cp "$runner_jar:$runner_lib/*" org.openedx.suite.runner.LocalSuite "$root"
