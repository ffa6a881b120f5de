#!/bin/bash
# The suite's broker with SASL/SCRAM-SHA-512 and ACLs (docs/decisions/0008), around the image's own start script:
#   1. formats the storage (first start only) with a SCRAM credential for the super user admin and one principal per
#      service (cms, discovery, lms, credentials, exams, insights), passwords from SUITE_KAFKA_*_PASSWORD;
#   2. starts the broker with /etc/kafka/docker/run, which turns the KAFKA_* variables into server.properties and
#      finds the storage formatted;
#   3. once the broker answers, sets each service's SCRAM credential again (so that a storage formatted before a
#      service existed gets its principal too), grants each principal its topics (both idempotent) and marks itself
#      ready for the health check.
# Every listener wants SASL: no client gets in without a login, and a service's login reaches only its own topics.
set -euo pipefail

for variable in SUITE_KAFKA_ADMIN_PASSWORD SUITE_KAFKA_CMS_PASSWORD SUITE_KAFKA_DISCOVERY_PASSWORD \
    SUITE_KAFKA_LMS_PASSWORD SUITE_KAFKA_CREDENTIALS_PASSWORD SUITE_KAFKA_EXAMS_PASSWORD \
    SUITE_KAFKA_INSIGHTS_PASSWORD; do
  if [ -z "${!variable:-}" ]; then
    echo "kafka: $variable is not set: the broker has no built-in passwords" >&2
    exit 1
  fi
done

# the server properties as the image's start script writes them from the KAFKA_* variables (KAFKA_FOO_BAR ->
# foo.bar, __ -> _, ___ -> -); formatting must see the same listeners and SASL settings the broker will run with
properties=/tmp/suite-format.properties
: > "$properties"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_VERSION|KAFKA_HEAP_OPTS|KAFKA_LOG4J_OPTS|KAFKA_OPTS|KAFKA_JMX_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_GC_LOG_OPTS) continue ;;
    KAFKA_LOG4J_ROOT_LOGLEVEL|KAFKA_LOG4J_LOGGERS|KAFKA_TOOLS_LOG4J_LOGLEVEL|KAFKA_JMX_HOSTNAME|KAFKA_JMX_PORT) continue ;;
    KAFKA_TOOL_HEAP_OPTS) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key=$(echo "${name#KAFKA_}" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/-/g' -e 's/__/@@/g' -e 's/_/./g' -e 's/@@/_/g')
  echo "$key=$value" >> "$properties"
done < <(env)

scram() { echo "SCRAM-SHA-512=[name=$1,password=$2]"; }
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$properties" \
  --add-scram "$(scram admin "$SUITE_KAFKA_ADMIN_PASSWORD")" \
  --add-scram "$(scram cms "$SUITE_KAFKA_CMS_PASSWORD")" \
  --add-scram "$(scram discovery "$SUITE_KAFKA_DISCOVERY_PASSWORD")" \
  --add-scram "$(scram lms "$SUITE_KAFKA_LMS_PASSWORD")" \
  --add-scram "$(scram credentials "$SUITE_KAFKA_CREDENTIALS_PASSWORD")" \
  --add-scram "$(scram exams "$SUITE_KAFKA_EXAMS_PASSWORD")" \
  --add-scram "$(scram insights "$SUITE_KAFKA_INSIGHTS_PASSWORD")"
rm -f "$properties"

admin=/tmp/suite-admin.properties
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$SUITE_KAFKA_ADMIN_PASSWORD";
PROPERTIES
rm -f /tmp/suite-acls-ready

/etc/kafka/docker/run &
broker=$!
trap 'kill -TERM "$broker" 2>/dev/null; wait "$broker"; exit $?' TERM INT

acl() {
  /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.AclCommand --bootstrap-server localhost:9092 \
    --command-config "$admin" --add --force "$@" > /dev/null
}
topic() { echo "${EVENT_BUS_TOPIC_PREFIX:+$EVENT_BUS_TOPIC_PREFIX-}$1"; }
# grant PRINCIPAL GROUP "PRODUCED..." "CONSUMED...": create/describe what it touches, write what it produces and the
# dead-letter topics of what it consumes, read what it consumes in its consumer group
grant() {
  local principal="User:$1" group="$2" produced="$3" consumed="$4" touched=() writes=() reads=() name
  for name in $produced; do touched+=(--topic "$(topic "$name")" --topic "$(topic "$name")-dlt"); writes+=(--topic "$(topic "$name")"); done
  for name in $consumed; do
    touched+=(--topic "$(topic "$name")" --topic "$(topic "$name")-dlt")
    writes+=(--topic "$(topic "$name")-dlt")
    reads+=(--topic "$(topic "$name")")
  done
  acl --allow-principal "$principal" --operation Create --operation Describe --operation DescribeConfigs "${touched[@]}"
  acl --allow-principal "$principal" --operation Write "${writes[@]}"
  if [ ${#reads[@]} -gt 0 ]; then
    acl --allow-principal "$principal" --operation Read "${reads[@]}" --group "$group"
  fi
}

until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 --command-config "$admin" \
    > /dev/null 2>&1; do
  kill -0 "$broker" 2>/dev/null || { wait "$broker"; exit $?; }
  sleep 2
done
login() {
  /opt/kafka/bin/kafka-run-class.sh kafka.admin.ConfigCommand --bootstrap-server localhost:9092 \
    --command-config "$admin" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[password=$2]" > /dev/null
}
login cms "$SUITE_KAFKA_CMS_PASSWORD"
login discovery "$SUITE_KAFKA_DISCOVERY_PASSWORD"
login lms "$SUITE_KAFKA_LMS_PASSWORD"
login credentials "$SUITE_KAFKA_CREDENTIALS_PASSWORD"
login exams "$SUITE_KAFKA_EXAMS_PASSWORD"
login insights "$SUITE_KAFKA_INSIGHTS_PASSWORD"
# the tracking logs (analytics) come from the LMS, exams and the CMS; insights reads them. The CMS also announces
# published, deleted and duplicated blocks (content-authoring-xblock-lifecycle), as Open edX's CMS does.
grant cms cms-service "course-catalog-info-changed content-authoring-xblock-lifecycle analytics" ""
grant discovery discovery-service "" "course-catalog-info-changed"
grant lms lms-service "learning-certificate-lifecycle learning-badges-lifecycle analytics" \
  "course-catalog-info-changed learning-exam-attempt-lifecycle learning-program-certificate-lifecycle"
grant credentials credentials-service "learning-program-certificate-lifecycle learning-badges-lifecycle" \
  "learning-certificate-lifecycle learning-badges-lifecycle"
grant exams exams-service "learning-exam-attempt-lifecycle analytics" ""
grant insights insights-service "" "analytics"
touch /tmp/suite-acls-ready
echo "===> SASL principals and ACLs of the suite's services are in place"
wait "$broker"
