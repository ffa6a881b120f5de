#!/usr/bin/env bash
# Drives the suite's three core flows against a running suite (scripts/run-local.sh, or docker compose up) with curl,
# and prints what each service shows at each step; then what insights made of them:
#   1. course catalog sync   CMS -> Discovery (and the LMS)
#   2. credentials           LMS -> Credentials
#   3. exam downstream       Exams -> LMS -> Credentials
#   4. real-time tracking    LMS, Exams, CMS -> Insights (xAPI statements, the course's figures)
# Every run uses a new course and new learners, so it can run again and again against the same suite.
#
#   scripts/demo.sh
#
# Environment: CMS_URL, DISCOVERY_URL, LMS_URL, CREDENTIALS_URL, EXAMS_URL, INSIGHTS_URL (default: localhost on the ports of the
# specification); DEMO_TIMEOUT, the seconds to wait for an event's effect to show (default 60). It acts as the
# operator, with the token scripts/token.sh gets (SUITE_ADMIN_CLIENT_SECRET, see there).
# Needs bash and curl only. Stops with a non-zero exit and says what did not show when a service does not reach the
# expected state in time.
set -euo pipefail

case "${1:-}" in
  "") ;;
  -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
esac

CMS_URL="${CMS_URL:-http://localhost:18010}"
DISCOVERY_URL="${DISCOVERY_URL:-http://localhost:18381}"
LMS_URL="${LMS_URL:-http://localhost:18000}"
CREDENTIALS_URL="${CREDENTIALS_URL:-http://localhost:18150}"
EXAMS_URL="${EXAMS_URL:-http://localhost:18740}"
INSIGHTS_URL="${INSIGHTS_URL:-http://localhost:18110}"
timeout_s="${DEMO_TIMEOUT:-60}"
case "$timeout_s" in
  ''|*[!0-9]*) echo "demo: FAILED: DEMO_TIMEOUT must be a whole number of seconds, not '$timeout_s'" >&2; exit 2 ;;
esac

command -v curl >/dev/null 2>&1 || { echo "demo: FAILED: curl is needed and not installed" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/suite-demo.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# every API needs a token (docs/decisions/0007): the operator's, who may drive every flow
if ! TOKEN="$(LMS_URL="$LMS_URL" "$(dirname "$0")/token.sh" 2>"$work/error")"; then
  echo "demo: FAILED: no token: $(cat "$work/error")" >&2
  echo "Is the suite running? Start it with scripts/run-local.sh." >&2
  exit 1
fi

STATUS=""   # HTTP status of the last request
BODY=""     # its body

# ---------------------------------------------------------------------------------------------------------------------
# HTTP and JSON, with curl and text tools only

fail() {
  echo >&2
  echo "demo: FAILED: $*" >&2
  exit 1
}

base_url() {
  case "$1" in
    cms) echo "$CMS_URL" ;;
    discovery) echo "$DISCOVERY_URL" ;;
    lms) echo "$LMS_URL" ;;
    credentials) echo "$CREDENTIALS_URL" ;;
    exams) echo "$EXAMS_URL" ;;
    insights) echo "$INSIGHTS_URL" ;;
    *) fail "unknown service $1" ;;
  esac
}

# send SERVICE METHOD PATH [JSON]: sets STATUS and BODY. Keys go into paths as they are (curl -g: no globbing).
send() {
  local service="$1" method="$2" path="$3" data="${4-}"
  local url
  url="$(base_url "$service")$path"
  local args=(-sS -g --connect-timeout 3 --max-time 15 -X "$method" -o "$work/body" -w '%{http_code}'
    -H 'Accept: application/json' -H "Authorization: Bearer $TOKEN")
  if [ -n "$data" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$data")
  fi
  # insights' LRS API wants xAPI's version on every request
  [ "$service" != insights ] || args+=(-H 'X-Experience-API-Version: 1.0.3')
  if ! STATUS="$(curl "${args[@]}" "$url" 2>"$work/error")"; then
    fail "$service does not answer at $url: $(cat "$work/error")
Is the suite running? Start it with scripts/run-local.sh (or set $(printf '%s' "$service" | tr '[:lower:]' '[:upper:]')_URL)."
  fi
  BODY="$(cat "$work/body")"
}

# call SERVICE METHOD PATH [JSON] EXPECTED_STATUS: one request, shown, with the status it must answer
call() {
  local service="$1" method="$2" path="$3" data expected
  if [ $# -eq 5 ]; then data="$4"; expected="$5"; else data=""; expected="$4"; fi
  send "$service" "$method" "$path" "$data"
  local shown=""
  if [ -n "$data" ]; then
    shown=" $(abbreviate "$data")"
    # long bodies (a whole course) would bury the answer: their fields show in the answer anyway
    [ "${#shown}" -le 90 ] || shown=""
  fi
  printf '   %-11s %s %s%s -> %s\n' "$service" "$method" "$(abbreviate "$path")" "$shown" "$STATUS"
  if [ "$STATUS" != "$expected" ]; then
    fail "$service $method $path answered $STATUS, expected $expected: $BODY"
  fi
}

# abbreviate TEXT: the demo's course and block keys as <course>, <homework>, <final_exam>, so that lines stay readable
abbreviate() {
  local text="$1"
  text="${text//"$homework"/<homework>}"
  text="${text//"$final_exam"/<final_exam>}"
  printf '%s' "${text//"$course"/<course>}"
}

now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local micros="${EPOCHREALTIME//[!0-9]/}"
    echo $((micros / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}

# await SERVICE PATH WHAT CHECK [ARGS...]: GETs PATH until CHECK ARGS (run on STATUS and BODY) holds
await() {
  local service="$1" path="$2" what="$3"
  shift 3
  local started deadline waited tries=0 when
  started="$(now_ms)"
  deadline=$((SECONDS + timeout_s))
  while true; do
    send "$service" GET "$path"
    tries=$((tries + 1))
    if "$@"; then
      break
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      fail "$what: not seen within ${timeout_s}s. Last answer of $service GET $path: $STATUS $BODY"
    fi
    sleep 0.2
  done
  if [ "$tries" -eq 1 ]; then
    when="already there"
  else
    waited=$(($(now_ms) - started))
    when="after $((waited / 1000)).$((waited % 1000 / 100)) s"
  fi
  printf '   %-11s GET %s -> %s  (%s: %s)\n' "$service" "$(abbreviate "$path")" "$STATUS" "$what" "$when"
}

# json NAME [TEXT]: the value of the first "NAME" in the JSON TEXT (default BODY): a string without its quotes, or a
# number, true, false or null as written. Empty when there is none.
json() {
  local text="${2-$BODY}" match value
  match="$(printf '%s' "$text" | grep -oE "\"$1\": *(\"([^\"\\\\]|\\\\.)*\"|[^,}]*)" | head -n 1)" || true
  [ -n "$match" ] || return 0
  value="${match#*\":}"
  value="${value# }"
  if [ "${value:0:1}" = '"' ]; then
    value="${value:1:${#value}-2}"
  fi
  printf '%s' "$value"
}

# item NAME VALUE [TEXT]: the object of a JSON array (default BODY) whose NAME is the string VALUE. Empty when none.
item() {
  printf '%s' "${3-$BODY}" | awk '{ gsub(/\},\{/, "}\n{"); print }' | grep -F "\"$1\":\"$2\"" | head -n 1 || true
}

# override [TEXT]: a grade subsection's override object, or null
override() {
  local rest="${1#*\"override\":}"
  case "$rest" in
    null*) echo null ;;
    \{*) echo "${rest%%\}*}}" ;;
    *) echo "" ;;
  esac
}

# show [TEXT] NAME...: the named fields of a JSON object, on one line
show() {
  local text="$BODY"
  if [ "${1:0:1}" = '{' ] || [ "${1:0:1}" = '[' ]; then
    text="$1"
    shift
  fi
  local line="" name
  for name in "$@"; do
    line="$line $name=$(json "$name" "$text")"
  done
  printf '               %s\n' "${line# }"
}

note() {
  printf '               %s\n' "$*"
}

step() {
  printf '\n-- %s\n' "$*"
}

flow() {
  printf '\n=== %s ===\n' "$*"
}

# Checks for await: each looks at STATUS and BODY of the last answer.
status_is() { [ "$STATUS" = "$1" ]; }
field_is() { [ "$STATUS" = 200 ] && [ "$(json "$1")" = "$2" ]; }
# item_field_is MATCH_NAME MATCH_VALUE NAME VALUE: the array item whose MATCH_NAME is MATCH_VALUE has NAME = VALUE
item_field_is() {
  [ "$STATUS" = 200 ] || return 1
  local found
  found="$(item "$1" "$2")"
  [ -n "$found" ] && [ "$(json "$3" "$found")" = "$4" ]
}
item_absent() { [ "$STATUS" = 200 ] && [ -z "$(item "$1" "$2")" ]; }

# ---------------------------------------------------------------------------------------------------------------------
# The demo's course and learners: new ones on every run

run="$(date -u +%Y%m%dT%H%M%S)"
course="course-v1:DemoX+Physics101+$run"
block_prefix="${course/course-v1:/block-v1:}+type@sequential+block@"
homework="${block_prefix}homework"
final_exam="${block_prefix}final_exam"

course_json() { # course_json NAME PACING: the course's fields, as created and as edited
  printf '"name":"%s","start":"2027-01-11T09:00:00Z","end":"2027-05-28T17:00:00Z",' "$1"
  printf '"enrollment_start":"2026-11-02T00:00:00Z","enrollment_end":"2027-01-18T00:00:00Z",'
  printf '"pacing":"%s","catalog_visibility":"both","invitation_only":false' "$2"
}

# new_learner USERNAME "FULL NAME" MODE: an LMS account enrolled in the course; sets learner_id and learner_json
new_learner() {
  call lms POST /api/users "{\"username\":\"$1\",\"email\":\"$1@example.com\",\"name\":\"$2\"}" 201
  show id username name is_active
  learner_id="$(json id)"
  learner_json="{\"id\":$learner_id,\"username\":\"$1\",\"email\":\"$1@example.com\",\"name\":\"$2\"}"
  call lms POST /api/enrollments "{\"username\":\"$1\",\"course_key\":\"$course\",\"mode\":\"$3\"}" 201
  show username mode is_active
}

# grade USERNAME USAGE_KEY EARNED POSSIBLE: the learner's score on a subsection; shows the course grade
grade() {
  call lms PUT "/api/grades/$course/$1/subsections/$2" "{\"earned\":$3,\"possible\":$4}" 200
  note "${2##*@}: $3/$4  ->  course percent=$(json percent) passed=$(json passed)"
}

show_certificate() { # show_certificate USERNAME
  call lms GET "/api/certificates?username=$1" 200
  local certificate
  certificate="$(item course_key "$course")"
  if [ -z "$certificate" ]; then
    note "no certificate in $course"
  else
    show "$certificate" status mode grade download_url
  fi
}

show_credential() { # show_credential USERNAME
  local credential
  credential="$(item course_key "$course")"
  if [ -z "$credential" ]; then
    note "no credential for $course"
  else
    show "$credential" status certificate_type uuid modified
  fi
}

await_credential() { # await_credential USERNAME STATUS
  await credentials "/api/credentials?username=$1" "credential $2" item_field_is course_key "$course" status "$2"
  show_credential "$1"
}

await_certificate() { # await_certificate USERNAME STATUS
  await lms "/api/certificates?username=$1" "certificate $2" item_field_is course_key "$course" status "$2"
  show "$(item course_key "$course")" status mode grade download_url
}

show_subsection() { # show_subsection USERNAME USAGE_KEY: the LMS grade of one subsection
  call lms GET "/api/grades/$course/$1" 200
  local percent passed subsection
  percent="$(json percent)"
  passed="$(json passed)"
  subsection="$(item usage_key "$2")"
  if [ -z "$subsection" ]; then
    note "course percent=$percent passed=$passed; ${2##*@}: no score"
  else
    note "course percent=$percent passed=$passed; ${2##*@}: earned=$(json earned "$subsection")" \
      "possible=$(json possible "$subsection") override=$(override "$subsection")"
  fi
}

# ---------------------------------------------------------------------------------------------------------------------

echo "demo: <course>     = $course"
echo "      <homework>   = $homework"
echo "      <final_exam> = $final_exam"
# a suite just started may still be starting a service: each gets DEMO_TIMEOUT seconds to report UP
deadline=$((SECONDS + timeout_s))
for service in cms discovery lms credentials exams insights; do
  while true; do
    # not send: a service still starting may not even listen yet
    STATUS="$(curl -sS -g --connect-timeout 3 --max-time 15 -o "$work/body" -w '%{http_code}' \
      "$(base_url "$service")/actuator/health" 2>"$work/error" || true)"
    BODY="$(cat "$work/body" 2>/dev/null || cat "$work/error")"
    # the overall status comes last, after the components' own
    if [ "$STATUS" = 200 ] && [ "${BODY%\"status\":\"UP\"\}}" != "$BODY" ]; then
      break
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "$service at $(base_url "$service") is not healthy: $STATUS $BODY
Is the suite running? Start it with scripts/run-local.sh."
    sleep 1
  done
done
echo "demo: all UP: cms $CMS_URL, discovery $DISCOVERY_URL, lms $LMS_URL,"
echo "      credentials $CREDENTIALS_URL, exams $EXAMS_URL, insights $INSIGHTS_URL"

flow "Flow 1: course catalog sync (CMS -> Discovery)"

step "An author creates the course in the CMS"
call cms POST /api/courses "{\"course_key\":\"$course\",$(course_json "Physics 101" instructor)}" 201
show course_key name pacing catalog_visibility edited_at published_at
call discovery GET "/api/course-runs/$course" 404
note "Discovery does not know the run: nothing is published yet"

step "The author publishes it: the CMS emits catalog_info.changed"
call cms POST "/api/courses/$course/publish" 202
show course_key event_id
await discovery "/api/course-runs/$course" "course run in the catalog" status_is 200
show key course title pacing_type hidden invitation_only
show start end enrollment_start enrollment_end modified

step "The author renames the course and makes it self-paced"
call cms PUT "/api/courses/$course" "{$(course_json "Physics 101: Mechanics" self)}" 200
show name pacing edited_at published_at
call discovery GET "/api/course-runs/$course" 200
show title pacing_type modified
note "Discovery still shows the published state: the edit is not published yet"

step "The author publishes again"
call cms POST "/api/courses/$course/publish" 202
show event_id
await discovery "/api/course-runs/$course" "update applied" field_is title "Physics 101: Mechanics"
show title pacing_type hidden modified
note "modified is the event time, which is the CMS's last edit (edited_at), not the publish"

step "A learner searches the catalog"
# the search index follows the catalog a moment after the run itself (its reaction runs once the poll commits)
finds_course() { [ "$STATUS" = 200 ] && [ -n "$(item key "$course")" ]; }
await discovery "/api/course-runs?q=$run" "search index updated" finds_course
found="$(item key "$course")"
note "total=$(json total): $(json key "$found") \"$(json title "$found")\""
echo
echo "Flow 1 OK: Discovery shows what the CMS published"

flow "Flow 2: credentials (LMS -> Credentials)"

step "The LMS knows the course from the same catalog event"
await lms "/api/courses/$course" "course overview" field_is display_name "Physics 101: Mechanics"
show course_key display_name start end pacing passing_grade

auditor="demo_audit_$run"
learner="demo_verified_$run"

step "An auditor passes the course: the audit mode earns no certificate"
new_learner "$auditor" "Ada Auditor" audit
grade "$auditor" "$homework" 8 10
grade "$auditor" "$final_exam" 9 10
show_certificate "$auditor"

step "A verified learner passes: certificate downloadable, credential awarded"
new_learner "$learner" "Vera Verified" verified
grade "$learner" "$homework" 3 10
grade "$learner" "$final_exam" 9 10
show_certificate "$learner"
[ "$(json status "$(item course_key "$course")")" = downloadable ] || fail "no downloadable certificate: $BODY"
await_credential "$learner" awarded

step "Her homework is regraded below the passing line: certificate notpassing, credential revoked"
grade "$learner" "$homework" 0 10
show_certificate "$learner"
await_credential "$learner" revoked

step "The grade is raised again: downloadable, awarded"
grade "$learner" "$homework" 8 10
show_certificate "$learner"
await_credential "$learner" awarded

step "Support invalidates the certificate: unavailable, revoked"
call lms POST "/api/certificates/$course/$learner/invalidate" 200
show status mode download_url
await_credential "$learner" revoked

step "The auditor got nothing from Credentials either"
# certificate events of one course share a partition: Vera's, applied above, came after any of the auditor's
call credentials GET "/api/credentials?username=$auditor" 200
show_credential "$auditor"
[ -z "$(item course_key "$course")" ] || fail "the auditor has a credential: $BODY"
echo
echo "Flow 2 OK: certificates drive credentials; audit earns none"

flow "Flow 3: exam downstream effects (Exams -> LMS -> Credentials)"

step "The course offers credit, and its final exam is proctored"
call lms PUT "/api/courses/$course/grading-policy" '{"passing_grade":0.5,"credit_course":true}' 200
show passing_grade credit_course
call exams POST /api/exams "{\"course_key\":\"$course\",\"usage_key\":\"$final_exam\",\"exam_type\":\"proctored\",\"name\":\"Final exam\",\"time_limit_mins\":90}" 201
show id exam_type name time_limit_mins
exam_id="$(json id)"

step "A verified learner passes the course"
proctored="demo_proctored_$run"
new_learner "$proctored" "Pat Proctored" verified
proctored_json="$learner_json"
grade "$proctored" "$homework" 8 10
grade "$proctored" "$final_exam" 9 10
await_credential "$proctored" awarded

step "He takes the proctored exam and submits it"
call exams POST "/api/exams/$exam_id/attempts" "{\"user\":$proctored_json}" 201
show id status exam_type
attempt_id="$(json id)"
call exams PUT "/api/attempts/$attempt_id" '{"action":"submit"}' 200
show id status
await lms "/api/credit/$course/$proctored" "credit requirement submitted" item_field_is name "$final_exam" status submitted
show "$(item name "$final_exam")" namespace status
call lms GET "/api/completion/$course/$proctored" 200
note "final_exam completion=$(json completion "$(item usage_key "$final_exam")")"

step "The proctoring review rejects the attempt"
call exams PUT "/api/attempts/$attempt_id" '{"action":"reject"}' 200
show id status
await lms "/api/credit/$course/$proctored" "credit requirement failed" item_field_is name "$final_exam" status failed
show "$(item name "$final_exam")" namespace status
show_subsection "$proctored" "$final_exam"
[ "$(override "$(item usage_key "$final_exam")")" = '{"earned":0.0,"feature":"proctoring"}' ] \
  || fail "no proctoring override of the final exam: $BODY"
await_certificate "$proctored" unavailable
await_credential "$proctored" revoked

step "Another verified learner's attempt is verified: credit satisfied"
second="demo_satisfied_$run"
new_learner "$second" "Sam Satisfied" verified
second_json="$learner_json"
grade "$second" "$homework" 8 10
grade "$second" "$final_exam" 9 10
call exams POST "/api/exams/$exam_id/attempts" "{\"user\":$second_json}" 201
show id status
second_attempt="$(json id)"
call exams PUT "/api/attempts/$second_attempt" '{"action":"submit"}' 200
call exams PUT "/api/attempts/$second_attempt" '{"action":"verify"}' 200
show id status
await lms "/api/credit/$course/$second" "credit requirement satisfied" item_field_is name "$final_exam" status satisfied
show "$(item name "$final_exam")" namespace status
show_subsection "$second" "$final_exam"
await_credential "$second" awarded

step "An instructor resets the rejected attempt: the exam subsection is cleared"
instructor="demo_instructor_$run"
call lms POST /api/users "{\"username\":\"$instructor\",\"email\":\"$instructor@example.com\",\"name\":\"Ian Instructor\"}" 201
show id username name
instructor_json="{\"id\":$(json id),\"username\":\"$instructor\",\"email\":\"$instructor@example.com\",\"name\":\"Ian Instructor\"}"
call exams DELETE "/api/attempts/$attempt_id" "{\"requesting_user\":$instructor_json}" 204
await lms "/api/credit/$course/$proctored" "credit requirement removed" item_absent name "$final_exam"
note "credit requirements: $BODY"
show_subsection "$proctored" "$final_exam"
subsection="$(item usage_key "$final_exam")"
if [ -n "$subsection" ]; then
  [ "$(json earned "$subsection")" = 0.0 ] && [ "$(override "$subsection")" = null ] \
    || fail "the final exam is not cleared: $subsection"
fi
call lms GET "/api/completion/$course/$proctored" 200
completion="$(json completion "$(item usage_key "$final_exam")")"
note "final_exam completion=${completion:-none}"
[ -z "$completion" ] || [ "$completion" = 0.0 ] || fail "the final exam is still complete: $BODY"
echo
echo "Flow 3 OK: exam verdicts reach the LMS and, through it, Credentials"

flow "Flow 4: real-time tracking (LMS, Exams, CMS -> Insights)"

step "Insights turned the tracking logs of flows 1 to 3 into xAPI statements and the course's figures"
# the figures of one part of the answer, e.g. figures exams: {"submitted":0,"verified":1,...}
figures() { local rest="${BODY#*\"$1\":}"; printf '%s' "${rest%%\}*}}"; }
exams_verified() { [ "$STATUS" = 200 ] && [ "$(json verified "$(figures exams)")" = "$1" ]; }
# the second learner's attempt verified; the first one's rejected attempt was reset (its newest status: deleted)
await insights "/api/courses/$course/insights" "the verified exam attempt in insights" exams_verified 1
note "statements: $(json statements)"
note "enrollments by mode: $(figures by_mode)"
note "passing: $(figures passing)"
note "certificates: $(figures certificates)"
note "exams: $(figures exams)"

step "An xAPI tool reads the statements from insights' LRS API"
call insights GET "/xapi/statements?verb=http://adlnet.gov/expapi/verbs/passed&limit=1" 200
[ "$(json version)" = 1.0.3 ] || fail "the newest passed statement is not an xAPI 1.0.3 statement: $BODY"
note "the newest 'passed': id=$(json id) timestamp=$(json timestamp) actor=$(json name)"
echo
echo "Flow 4 OK: what learners and staff did reached insights as xAPI statements and the course's figures"

echo
echo "demo: all 4 flows OK"
