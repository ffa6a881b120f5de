#!/usr/bin/env bash
# Prints an access token of the running suite's LMS, for curl's "Authorization: Bearer ..." header:
#
#   scripts/token.sh              the operator's token (client suite-admin, role admin: may do everything)
#   scripts/token.sh --user ada   ada's token, without her password: only where the LMS runs with SUITE_DEV_TOKENS=true
#
#   TOKEN=$(scripts/token.sh) && curl -H "Authorization: Bearer $TOKEN" localhost:18000/api/users/ada
#
# The operator's secret: SUITE_ADMIN_CLIENT_SECRET if set; else the one the local run (scripts/run-local.sh) keeps in
# its data directory (SUITE_DATA_DIR, default .local/); else docker compose's default. LMS_URL: default
# http://localhost:18000. Needs bash and curl. A token lives 15 minutes; ask again when a service answers 401.
set -euo pipefail

user=""
case "${1:-}" in
  "") ;;
  --user) user="${2:?--user needs a username}" ;;
  -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
esac

LMS_URL="${LMS_URL:-http://localhost:18000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
secret_file="${SUITE_DATA_DIR:-$root/.local}/identity/admin-client-secret"
if [ -n "${SUITE_ADMIN_CLIENT_SECRET:-}" ]; then
  secret="$SUITE_ADMIN_CLIENT_SECRET"
elif [ -r "$secret_file" ]; then
  secret="$(cat "$secret_file")"
else
  secret="change-me-suite-admin"
fi

# access_token FILE: the token in a token endpoint's JSON answer
access_token() {
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' "$1"
}

answer="$(mktemp "${TMPDIR:-/tmp}/suite-token.XXXXXX")"
trap 'rm -f "$answer"' EXIT

status="$(curl -sS --connect-timeout 3 --max-time 15 -o "$answer" -w '%{http_code}' -u "suite-admin:$secret" \
  -d grant_type=client_credentials "$LMS_URL/oauth2/token")" || { echo "token: the LMS does not answer at $LMS_URL" >&2; exit 1; }
if [ "$status" != 200 ]; then
  echo "token: the LMS at $LMS_URL gave the operator no token ($status): is SUITE_ADMIN_CLIENT_SECRET the LMS's?" >&2
  exit 1
fi
operator="$(access_token "$answer")"
if [ -z "$user" ]; then
  printf '%s\n' "$operator"
  exit 0
fi

status="$(curl -sS --connect-timeout 3 --max-time 15 -o "$answer" -w '%{http_code}' \
  -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' \
  --data-binary "{\"username\":\"$user\"}" "$LMS_URL/api/dev/tokens")"
if [ "$status" != 200 ]; then
  echo "token: no token for $user ($status): the LMS gives users' tokens only with SUITE_DEV_TOKENS=true, and only for users it has: $(cat "$answer")" >&2
  exit 1
fi
access_token "$answer"
