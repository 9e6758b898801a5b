#!/usr/bin/env bash
# List pages under load with wrk (issue 20): allocations, disbursements (work list and verification queue),
# beneficiaries, audit trail and the JSON lists that share their queries, each with filters and sorts, at
# 16 connections (2 wrk threads) and at one client. Prints one line per URL and load: req/s, p50, p95, p99.
#
#   APP_URL=http://localhost:8102 bench/lists-bench.sh        # a running application (bench/all.sh does this)
#   bench/lists-bench.sh                                       # starts the jar itself on a scale database
#   SCALE=national DB_DIR=/tmp/lists-national-pg bench/lists-bench.sh
#   WARMUP=20 DURATION=20 CONNECTIONS=16 THREADS=2 LOADS="16 1" bench/lists-bench.sh [URL ...]
#   APP_URL=http://localhost:8102 APP_PID=1234 DB_DIR=/tmp/lists-pg bench/lists-bench.sh   # with CPU per request
#
# Without APP_URL it starts $JAR (built beforehand: ./mvnw -q -B -DskipTests package) on $APP_PORT with the
# embedded database in $DB_DIR and --dumisake.demo.scale=$SCALE: on an empty directory the first start loads the
# demo years and generates the scale data (Jambi ~1-2 min, national much longer), later starts reuse it. It then
# stops that application at the end. Talks to localhost only; every run is bounded in time.
#
# Signs in as $USERNAME (default admin: the queue and the audit trail are the admin's) with the login form, one
# session per wrk thread (bench/dashboard-wrk.lua sends it and prints the percentiles).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SCALE=${SCALE:-jambi-5y}
APP_PID=${APP_PID:-}
APP_PORT=${APP_PORT:-8102}
DB_DIR=${DB_DIR:-/tmp/lists-bench-$SCALE-pg}
JAR=${JAR:-target/dumisake-0.1.0-SNAPSHOT.jar}
JVM_OPTS=${JVM_OPTS:-$(bench_shipped_jvm_options)}
APP_LOG=${APP_LOG:-/tmp/lists-bench-$SCALE-app.log}
START_TIMEOUT=${START_TIMEOUT:-3600}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-20}
# the connection counts measured after each warm-up: the requirement's 16, then one client (server time alone)
LOADS=${LOADS:-"$CONNECTIONS 1"}
YEAR=${YEAR:-2026}
USERNAME=${USERNAME:-admin}
PASSWORD=${PASSWORD:-dumisake}

command -v wrk >/dev/null || { echo "missing: wrk (apt-get install -y wrk)"; exit 2; }
command -v curl >/dev/null || { echo "missing: curl"; exit 2; }

if [[ -z "${APP_URL:-}" ]]; then
    APP_URL="http://localhost:$APP_PORT"
    bench_port_free "$APP_PORT"
    [[ -f "$JAR" ]] || { echo "no $JAR: ./mvnw -q -B -DskipTests package first"; exit 2; }
    # only an application this script started is stopped at the end, never one given by APP_URL/APP_PID
    trap bench_stop_app EXIT
    bench_start_app --dumisake.demo.scale="$SCALE"
    echo "== ready after $READY_SECONDS s"
fi
case "$APP_URL" in http://localhost:*|http://127.0.0.1:*) ;; *) echo "refusing $APP_URL: localhost only"; exit 2 ;; esac

if [[ $# -eq 0 ]]; then
    set -- "/alokasi?year=$YEAR" \
        "/alokasi?year=$YEAR&sort=kecamatan,asc" \
        "/alokasi?year=$YEAR&opd=DP3AP2&sort=amount,desc" \
        "/alokasi?year=$YEAR&kabupatenKota=15.01&status=ACTIVE&sort=disbursed,desc" \
        "/alokasi?year=$YEAR&page=40" \
        "/pencairan?year=$YEAR" \
        "/pencairan?year=$YEAR&status=SUBMITTED" \
        "/pencairan?year=$YEAR&kecamatan=15.01.01" \
        "/pencairan/antrean" \
        "/pencairan/antrean?kabupatenKota=15.05" \
        "/penerima" \
        "/penerima?name=sintetis%2015.05" \
        "/penerima?page=100" \
        "/audit" \
        "/audit?entityType=Allocation" \
        "/audit?user=admin&page=5" \
        "/api/v1/allocations?year=$YEAR" \
        "/api/v1/allocations?year=$YEAR&opdCode=DP3AP2&sort=amount,desc" \
        "/api/v1/audit?size=100"
fi

cookies=""
for _ in $(seq 1 "$THREADS"); do
    cookies="$cookies $(bench_sign_in "$APP_URL")"
done
[[ -n "${cookies// /}" ]] || { echo "could not sign in as $USERNAME at $APP_URL"; exit 1; }
export DUMISAKE_COOKIES="$cookies"

# CPU seconds (user + system) of the application and of the embedded PostgreSQL (postmaster and its backends),
# in clock ticks: with them a line also says what one request cost the two processes, the figure that stays
# comparable when other work shares the machine. Known when this script started the application, or given as
# APP_PID and DB_DIR (the embedded database directory, for its postmaster.pid).
ticks_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
    local master total=0 child
    master=$(sed -n 1p "$DB_DIR/postmaster.pid" 2>/dev/null) || { echo 0; return; }
    total=$(ticks_of "$master")
    for child in $(ps --ppid "$master" -o pid= 2>/dev/null); do
        total=$(( total + $(ticks_of "$child") ))
    done
    echo "$total"
}
# the application's request threads alone (Tomcat's http-nio-*): leaves out JIT compilation and GC, which right
# after a start are most of the process's CPU, so it compares two builds' rendering even on a fresh start
request_ticks() {
    [[ -n "$APP_PID" ]] || { echo 0; return; }
    cat /proc/"$APP_PID"/task/*/stat 2>/dev/null | awk '$2 ~ /^\(http-nio/ { total += $14 + $15 } END { print total + 0 }'
}
TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))

# run THREADS CONNECTIONS SECONDS URL: "req/s p50 p95 p99 errors app+PG CPU ms per request (request threads)",
# from bench/dashboard-wrk.lua's summary
run() {
    local app0 pg0 req0 app1 pg1 req1 summary
    app0=$( [[ -n "$APP_PID" ]] && ticks_of "$APP_PID" || echo 0 ); pg0=$(pg_ticks); req0=$(request_ticks)
    summary=$(wrk -t "$1" -c "$2" -d "${3}s" -s bench/dashboard-wrk.lua "$APP_URL$4")
    app1=$( [[ -n "$APP_PID" ]] && ticks_of "$APP_PID" || echo 0 ); pg1=$(pg_ticks); req1=$(request_ticks)
    echo "$summary" | awk -v app=$(( (app1 - app0) * TICK_MS )) -v pg=$(( (pg1 - pg0) * TICK_MS )) \
        -v req=$(( (req1 - req0) * TICK_MS )) \
        -v known="$([[ -n "$APP_PID" && -f "$DB_DIR/postmaster.pid" ]] && echo 1)" '
        /^requests / { gsub(",", ""); requests = $2; errors = $4; rate = $6 }
        /^latency ms:/ { gsub(",", ""); p50 = $4; p95 = $6; p99 = $8 }
        END {
            cpu = (known && requests > 0) \
                ? sprintf("%.2f + %.2f (%.2f)", app / requests, pg / requests, req / requests) : "-"
            printf "%9s %8s %8s %8s %6s  %s", rate, p50, p95, p99, errors, cpu
        }'
}

echo "== $(date -u +%FT%TZ); $APP_URL; ${WARMUP}s warm-up + ${DURATION}s per URL and load; uptime: $(uptime)"
printf '%-72s %5s %9s %8s %8s %8s %6s  %s\n' "url" "conn" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors" \
    "CPU ms/req app + PG (request threads)"
for url in "$@"; do
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" -s bench/dashboard-wrk.lua "$APP_URL$url" >/dev/null
    for load in $LOADS; do
        if [[ "$load" == 1 ]]; then threads=1; else threads=$THREADS; fi
        printf '%-72s %5s %s\n' "$url" "$load" "$(run "$threads" "$load" "$DURATION" "$url")"
    done
done
echo "== done; uptime: $(uptime)"
