#!/usr/bin/env bash
# Backup and restore drill: fills a fresh database with the demo data, dumps it with pg_dump -Fc, restores
# the dump into another fresh database, starts the application on the restored copy and checks that it
# holds the same data: row counts of the key tables, the dashboard API's summary of every fiscal year, and
# a login with a signed-in page. Stops the applications it started and drops both databases at the end
# (on a failure it keeps them, with the logs, for a look).
#
#   ops/backup-restore.sh                     # the PostgreSQL on 127.0.0.1:5432 as user postgres
#   PGHOST=db.example PGPORT=5432 PGUSER=dumisake PGPASSWORD=... ops/backup-restore.sh
#   SKIP_BUILD=1 KEEP=1 ops/backup-restore.sh # use the jar as built (JAR=...), keep the databases and the dump
#   JVM_OPTS="-Xmx512m" ops/backup-restore.sh  # other JVM options than the shipped ones (pom.xml)
#
# The server needs a role that may create databases. pg_dump must be of the server's major version or
# newer (it refuses to dump a newer server); the application runs on PostgreSQL 15 and newer.
# Needs: JDK 17, curl, and the PostgreSQL client programs (createdb, dropdb, psql, pg_dump, pg_restore).
set -euo pipefail

cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
APP_PORT=${APP_PORT:-18181}
READY_TIMEOUT=${READY_TIMEOUT:-600}
JAR=${JAR:-target/dumisake-0.1.0-SNAPSHOT.jar}
# the JVM options the application ships with (pom.xml's dumisake.run.jvm-options, as in docs/operations.md)
JVM_OPTS=${JVM_OPTS:-$(sed -n 's:.*<dumisake.run.jvm-options>\(.*\)</dumisake.run.jvm-options>.*:\1:p' pom.xml)}
SUFFIX="$(date +%Y%m%d%H%M%S)_$$"
SOURCE_DB=dumisake_drill_source_$SUFFIX
RESTORED_DB=dumisake_drill_restored_$SUFFIX
WORK=$(mktemp -d /tmp/dumisake-drill.XXXXXX)
DUMP=$WORK/dumisake.dump
APP_PID=

for tool in java curl createdb dropdb psql pg_dump pg_restore; do
    command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 2; }
done
if curl -s -o /dev/null "http://localhost:$APP_PORT/"; then
    echo "port $APP_PORT is in use already: stop that process or set APP_PORT"; exit 2
fi

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}
cleanup() {
    stop_app
    if [[ -z "${KEEP:-}" ]]; then
        dropdb --if-exists "$SOURCE_DB" || true
        dropdb --if-exists "$RESTORED_DB" || true
        rm -rf "$WORK"
    else
        echo "== kept: databases $SOURCE_DB and $RESTORED_DB, dump and logs in $WORK"
    fi
}
trap cleanup EXIT

# Starts the packaged application in the default profile (demo accounts and demo activity) on an external
# database: with spring.datasource.url set, the embedded PostgreSQL is not started.
start_app() {
    local database=$1 log=$2
    local args=(--server.port="$APP_PORT" --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$database"
                --spring.datasource.username="$PGUSER")
    [[ -n "${PGPASSWORD:-}" ]] && args+=(--spring.datasource.password="$PGPASSWORD")
    # shellcheck disable=SC2086 # JVM_OPTS is a list of options
    java $JVM_OPTS -jar "$JAR" "${args[@]}" >"$log" 2>&1 &
    APP_PID=$!
    local started=$SECONDS
    # readiness turns UP only after the demo data runners have finished
    until curl -sf "http://localhost:$APP_PORT/actuator/health/readiness" | grep -q '"UP"'; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "the application exited; see $log"; tail -20 "$log"; KEEP=1; exit 1; }
        (( SECONDS - started < READY_TIMEOUT )) || { echo "not ready after $READY_TIMEOUT s; see $log"; KEEP=1; exit 1; }
        sleep 2
    done
    echo "   ready after $(( SECONDS - started )) s"
}

# Row counts straight from the database: of the source just before the dump, of the restored copy as soon as
# the application is ready on it, before any request (an API call with a password is a login, and logins
# are audited), so that they show that starting on the restored copy changed nothing either.
counts() {
    psql -X -A -t -v ON_ERROR_STOP=1 -d "$1" -c "
        select 'fiscal_year ' || (select count(*) from fiscal_year)
        union all select 'envelope ' || (select count(*) from envelope)
        union all select 'allocation ' || (select count(*) from allocation)
        union all select 'disbursement ' || (select count(*) from disbursement)
        union all select 'beneficiary ' || (select count(*) from beneficiary)
        union all select 'aid ' || (select count(*) from aid)
        union all select 'user_account ' || (select count(*) from user_account)
        union all select 'audit_event ' || (select count(*) from audit_event)
        union all select 'flyway_schema_history ' || (select count(*) from flyway_schema_history)
        union all select 'sum(envelope.allocated) ' || (select sum(allocated) from envelope)
        union all select 'sum(envelope.realised) ' || (select sum(realised) from envelope)"
}

# The dashboard API's summary of every fiscal year, as the expert team sees it.
summaries() {
    local years
    years=$(curl -sf -u ahli:dumisake "http://localhost:$APP_PORT/api/v1/fiscal-years" | grep -o '"year":[0-9]*' | cut -d: -f2)
    [[ -n "$years" ]] || { echo "no fiscal years from the API"; exit 1; }
    for year in $years; do
        curl -sf -u ahli:dumisake "http://localhost:$APP_PORT/api/v1/dashboard/summary?year=$year"
        echo
    done
}

# Form login as a browser does it (CSRF token from the login page, session cookie), then a signed-in page.
login_and_fetch() {
    local jar=$WORK/cookies.txt token status
    rm -f "$jar"
    curl -sf -c "$jar" -o "$WORK/login.html" "http://localhost:$APP_PORT/login"
    token=$(grep -o -m1 'name="_csrf" value="[^"]*"' "$WORK/login.html" | cut -d'"' -f4)
    status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
        --data-urlencode username=admin --data-urlencode password=dumisake --data-urlencode "_csrf=$token" \
        "http://localhost:$APP_PORT/login")
    [[ "$status" == "302 http://localhost:$APP_PORT/" ]] || { echo "login failed: $status"; exit 1; }
    # into a file first: grep -q would stop reading early and fail curl (and the pipeline) with SIGPIPE
    status=$(curl -s -o "$WORK/dasbor.html" -w '%{http_code}' -b "$jar" "http://localhost:$APP_PORT/dasbor")
    [[ "$status" == 200 ]] && grep -q 'Administrator Dumisake' "$WORK/dasbor.html" \
        || { echo "GET /dasbor as the signed-in admin answered $status (page in $WORK/dasbor.html)"; KEEP=1; exit 1; }
    echo "   login as admin and GET /dasbor: 200, signed in as Administrator Dumisake"
}

echo "== server: $(psql -X -A -t -d postgres -c 'show server_version') on $PGHOST:$PGPORT; $(pg_dump --version)"
if [[ -z "${SKIP_BUILD:-}" ]]; then
    echo "== build: ./mvnw -q -B -DskipTests package"
    ./mvnw -q -B -DskipTests package
fi

echo "== 1. fresh database $SOURCE_DB, application with the demo data (log: $WORK/source.log)"
createdb "$SOURCE_DB"
start_app "$SOURCE_DB" "$WORK/source.log"
summaries >"$WORK/source-summaries.txt"
stop_app
# after the API calls: each of them was a login, in the audit trail and so in the dump
counts "$SOURCE_DB" >"$WORK/source-counts.txt"

echo "== 2. pg_dump -Fc $SOURCE_DB"
started=$SECONDS
pg_dump -Fc -d "$SOURCE_DB" -f "$DUMP"
echo "   $(du -h "$DUMP" | cut -f1) in $(( SECONDS - started )) s"

echo "== 3. createdb $RESTORED_DB; pg_restore"
started=$SECONDS
createdb "$RESTORED_DB"
pg_restore --no-owner --exit-on-error -d "$RESTORED_DB" "$DUMP"
echo "   restored in $(( SECONDS - started )) s"

echo "== 4. application on the restored database (log: $WORK/restored.log)"
start_app "$RESTORED_DB" "$WORK/restored.log"
counts "$RESTORED_DB" >"$WORK/restored-counts.txt"
summaries >"$WORK/restored-summaries.txt"
login_and_fetch
stop_app

echo "== 5. compare"
sed 's/^/   /' "$WORK/source-counts.txt"
diff -u "$WORK/source-counts.txt" "$WORK/restored-counts.txt" || { echo "FAILED: row counts differ"; KEEP=1; exit 1; }
echo "   row counts equal"
diff -u "$WORK/source-summaries.txt" "$WORK/restored-summaries.txt" || { echo "FAILED: dashboard summaries differ"; KEEP=1; exit 1; }
echo "   dashboard summaries equal ($(wc -l <"$WORK/source-summaries.txt") fiscal years): $(head -c 300 "$WORK/source-summaries.txt")"
echo "== OK: backup and restore drill passed"
