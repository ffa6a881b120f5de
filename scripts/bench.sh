#!/usr/bin/env bash
# Benchmarks the suite on this machine (issue 7): starts Kafka, PostgreSQL and the six services on free ports, then
# per flow measures raw Kafka and raw PostgreSQL, the pipeline throughput of N events and the commit-to-effect latency
# at a steady load, and checks that every event had its effect exactly once and in order. Prints the table and writes
# benchmarks/target/bench-results.json and bench-results.md. Takes about 20 minutes with the defaults.
#
#   scripts/bench.sh                          build (./mvnw -B -q package -DskipTests), then run everything
#   scripts/bench.sh --no-build               run what is built
#   scripts/bench.sh --events 20000 --flows catalog --latency-seconds 10
#   scripts/bench.sh --flows content --events 2000 --skip-raw   CMS block edits through tagging and indexing (opt-in)
#   scripts/bench.sh --service-property event-bus.relay.batch-size=2000
#   scripts/bench.sh --help                   every option
#
# The machine should be otherwise idle: on a shared machine, hold the build lock (flock /tmp/mvn.lock scripts/bench.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

jar="benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar"
lib="benchmarks/target/lib"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build=yes
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    -h|--help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      # every option, from the benchmark itself once it is built
      if [ -f "$jar" ] && [ -d "$lib" ]; then echo; "$java" -cp "$jar:$lib/*" org.openedx.suite.bench.Benchmark --help; fi
      exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

if [ "$build" = yes ]; then
  echo "Building the suite and the benchmark (./mvnw -B -q package -DskipTests) ..."
  ./mvnw -B -q package -DskipTests
fi
if [ ! -f "$jar" ] || [ ! -d "$lib" ]; then
  echo "$jar is missing: run without --no-build (or ./mvnw package -DskipTests) first." >&2
  exit 1
fi

# the benchmark JVM drives thousands of HTTP requests a second and holds every answer of the latency run
exec "$java" -Xms256m -Xmx1g -XX:+UseParallelGC -Dsuite.root="$root" \
  -cp "$jar:$lib/*" org.openedx.suite.bench.Benchmark ${args[@]+"${args[@]}"}
