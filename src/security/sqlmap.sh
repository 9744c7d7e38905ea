#!/usr/bin/env bash
# SQL injection scan of Cloud Squad's main forms and endpoints with sqlmap (Debian: apt-get install sqlmap).
# Not part of `./mvnw verify` (it takes minutes); run it after changes to SQL or to request handling.
#
#   src/security/sqlmap.sh
#       builds the jar if needed and starts the app on port 18080 on a throwaway embedded database
#       (no SMTP, so the admin's verification link is read from /dev/outbox), with the per-address
#       login and registration limits raised so the scan is not simply throttled; stops it at the end.
#   BASE_URL=http://localhost:8080 ADMIN_EMAIL=you@example.com ADMIN_PASSWORD=... src/security/sqlmap.sh
#       scans an instance that is already running, logging in with an existing verified admin.
#
# Prints one line per target and exits non-zero if sqlmap reports any injectable parameter.
set -euo pipefail

cd "$(dirname "$0")/../.."
command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)" >&2; exit 2; }

PORT="${PORT:-18080}"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "${BASE_URL:-}" ]]; then
  BASE_URL="http://localhost:$PORT"
  ADMIN_EMAIL="${ADMIN_EMAIL:-sqlmap-admin@cloudsquad.test}"
  ADMIN_PASSWORD="${ADMIN_PASSWORD:-sqlmap scan passphrase}"
  JAR="$(ls target/cloudsquad-*.jar 2>/dev/null | head -1 || true)"
  if [[ -z "$JAR" ]]; then
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dspotbugs.skip=true package
    JAR="$(ls target/cloudsquad-*.jar | head -1)"
  fi
  cp "$JAR" "$WORK/app.jar" # a rebuild of target/ during the scan must not pull the jar from under the app
  echo "Starting $JAR on $BASE_URL (log: $WORK/app.log)"
  java -jar "$WORK/app.jar" --server.port="$PORT" --app.embedded-db.dir="$WORK/db" \
    --app.admin-emails="$ADMIN_EMAIL" \
    --app.security.logins-per-address-per-minute=1000000 \
    --app.security.registrations-per-address-per-hour=1000000 >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$BASE_URL/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 2
  done
  START_OWN=1
else
  : "${ADMIN_EMAIL:?set ADMIN_EMAIL and ADMIN_PASSWORD of a verified admin}" "${ADMIN_PASSWORD:?}"
  START_OWN=0
fi

JAR_COOKIES="$WORK/cookies.txt"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
page() { curl -fsS -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE_URL$1"; }
form() { local path="$1"; shift; curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE_URL$path" "$@"; }

if [[ "$START_OWN" == 1 ]]; then
  token="$(page /register | csrf_of)"
  form /register --data-urlencode "_csrf=$token" --data-urlencode "email=$ADMIN_EMAIL" \
    --data-urlencode "displayName=Sqlmap Admin" --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "confirmPassword=$ADMIN_PASSWORD" >/dev/null
  link="$(curl -fsS "$BASE_URL/dev/outbox?to=$ADMIN_EMAIL" | grep -o 'verify-email?token=[A-Za-z0-9_-]*' | head -1)"
  token="$(page "/$link" | csrf_of)"
  form /verify-email --data-urlencode "_csrf=$token" --data-urlencode "token=${link#*token=}" >/dev/null
fi
token="$(page /login | csrf_of)"
result="$(form /login --data-urlencode "_csrf=$token" --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD")"
[[ "$result" == 302*/ ]] || { echo "Admin login failed: $result" >&2; exit 1; }
[[ "$(form /admin)" == 200* ]] || { echo "The account is not an admin" >&2; exit 1; }

cookie_header() { awk '!/^#/ || /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7}' "$JAR_COOKIES"; }
ADMIN_COOKIE="$(cookie_header)"
ADMIN_CSRF="$(page /profile | csrf_of)"
CERT_ID="$(page /admin/questions | grep -o 'name="certification"[^>]*>\s*<option[^>]*value="[0-9]*"' | grep -o 'value="[0-9]*"' | head -1 | tr -dc 0-9 || true)"
CERT_ID="${CERT_ID:-1}"

# Anonymous forms get their own CSRF cookie and token.
ANON_JAR="$WORK/anon.txt"
ANON_CSRF="$(curl -fsS -c "$ANON_JAR" "$BASE_URL/login" | csrf_of)"
ANON_COOKIE="$(awk '!/^#/ || /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7}' "$ANON_JAR")"

failures=0
scan() {
  local name="$1"; shift
  local out="$WORK/$name.log"
  sqlmap --batch --disable-coloring --flush-session --output-dir="$WORK/sqlmap" --threads=4 --time-sec=1 \
    --dbms=MySQL --level=1 --risk=1 "$@" >"$out" 2>&1 || true
  if grep -qE "is vulnerable|identified the following injection point" "$out"; then
    echo "INJECTABLE  $name"; grep -E "Parameter:|Type:|Title:" "$out" | sed 's/^/    /'
    failures=$((failures + 1))
  elif grep -q "do not appear to be injectable\|does not seem to be injectable" "$out"; then
    echo "clean       $name ($(grep -c "testing '" "$out") tests)"
  else
    echo "UNCLEAR     $name (see below)"; tail -5 "$out" | sed 's/^/    /'
    failures=$((failures + 1))
  fi
}

scan login          -u "$BASE_URL/login" --method=POST --cookie="$ANON_COOKIE" \
                    --data="_csrf=$ANON_CSRF&email=a@example.com&password=x" -p email,password
scan register       -u "$BASE_URL/register" --method=POST --cookie="$ANON_COOKIE" \
                    --data="_csrf=$ANON_CSRF&email=b@example.com&displayName=B&password=a+fine+passphrase&confirmPassword=a+fine+passphrase" \
                    -p email,displayName
scan question-list  -u "$BASE_URL/admin/questions?q=s3&certification=$CERT_ID&difficulty=2&status=PUBLISHED&tag=s3&sort=updated&page=0" \
                    --cookie="$ADMIN_COOKIE" -p q,certification,difficulty,tag,sort,page
scan attempt-list   -u "$BASE_URL/admin/attempts?certification=$CERT_ID" --cookie="$ADMIN_COOKIE" -p certification
scan question-page  -u "$BASE_URL/admin/questions/1*" --cookie="$ADMIN_COOKIE"
scan export         -u "$BASE_URL/admin/questions/export?format=csv&q=s3&tag=s3" --cookie="$ADMIN_COOKIE" -p q,tag
scan profile        -u "$BASE_URL/profile" --method=POST --cookie="$ADMIN_COOKIE" \
                    --data="_csrf=$ADMIN_CSRF&displayName=Sqlmap+Admin&timeZone=UTC" -p displayName,timeZone
scan verify-email   -u "$BASE_URL/verify-email" --method=POST --cookie="$ANON_COOKIE" \
                    --data="_csrf=$ANON_CSRF&token=abc" -p token

if [[ "$failures" -gt 0 ]]; then
  echo "sqlmap: $failures target(s) injectable or unclear"; exit 1
fi
echo "sqlmap: nothing injectable in the targets above"
