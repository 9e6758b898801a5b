#!/usr/bin/env bash
# Dashboard pages at Jambi scale (5 fiscal years) or national scale: load test of the pages and the raw SQL
# they run, side by side, on one throw-away embedded database: first as configured (rendered figures kept a
# few seconds), then restarted with the figures computed and rendered on every request. Talks to localhost
# only; stops by itself (bounded durations) and stops the application it started.
#
#   bench/dashboard-bench.sh            # build, start on :8095 with /tmp/dash-bench-pg, generate, measure
#   FRESH=1 bench/dashboard-bench.sh    # start from an empty database directory (demo data + generator)
#   SKIP_BUILD=1 DURATION=30 WARMUP=40 PGBENCH_T=30 CLIENTS=8 bench/dashboard-bench.sh
#   JAR=/tmp/dumisake.jar SKIP_BUILD=1 bench/dashboard-bench.sh   # a copy, so that target/ may be rebuilt meanwhile
#   SCALE=national bench/dashboard-bench.sh   # 7,144 kecamatan: :8096 with /tmp/dash-bench-national-pg
#
# The data comes from the application itself (--dumisake.demo.scale=$SCALE, see ScaleDataGenerator): the
# first start on an empty directory loads the demo years and generates the rest before it reports ready;
# later starts find the data and leave it alone.
#
# Needs: JDK 17, python3, psql and pgbench (Debian: apt-get install -y postgresql-contrib) on PATH.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
SCALE=${SCALE:-jambi-5y}
case "$SCALE" in
    jambi-5y) default_port=8095; default_dir=/tmp/dash-bench-pg; default_timeout=900 ;;
    # ~1.1 million allocations and ~3.2 million disbursements: generation takes tens of minutes
    national) default_port=8096; default_dir=/tmp/dash-bench-national-pg; default_timeout=7200 ;;
    *) echo "SCALE must be jambi-5y or national"; exit 2 ;;
esac
APP_PORT=${APP_PORT:-$default_port}
DB_DIR=${DB_DIR:-$default_dir}
START_TIMEOUT=${START_TIMEOUT:-$default_timeout}
APP_LOG=${APP_LOG:-/tmp/dash-bench-$SCALE-app.log}
CLIENTS=${CLIENTS:-8}
# per URL; on 2 cores the JIT compiler is still busy for the first minute or two of load, and a short
# warm-up measured the compiler as much as the page (docs/benchmarks.md)
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-30}
PGBENCH_T=${PGBENCH_T:-30}
JAR=${JAR:-target/dumisake-0.1.0-SNAPSHOT.jar}
# the heap of the earlier figures in docs/benchmarks.md; bench/all.sh runs with the shipped options
JVM_OPTS=${JVM_OPTS:--Xmx1g}

bench_require java python3 psql pgbench curl
bench_port_free "$APP_PORT"

if [[ -z "${SKIP_BUILD:-}" ]]; then
    echo "== build: ./mvnw -q -B -DskipTests package"
    ./mvnw -q -B -DskipTests package
fi
if [[ -n "${FRESH:-}" ]]; then
    rm -rf "$DB_DIR"
fi

trap bench_stop_app EXIT

# start_app [extra arguments]: the jar with the scale data option (bench_start_app)
start_app() {
    bench_start_app --dumisake.demo.scale="$SCALE" "$@"
}
start_app
PORT=$PG_PORT
PSQL=(psql -X -v ON_ERROR_STOP=1 -h localhost -p "$PORT" -U postgres -d postgres)
echo "== ready after $READY_SECONDS s; embedded PostgreSQL on port $PORT"
grep -E 'Scale data [a-z0-9-]+: (done|generated before)|Scale data: VACUUM' "$APP_LOG" | sed 's/^.*: Scale/   Scale/' || true

if grep -q "Scale data $SCALE: done" "$APP_LOG"; then
    # Generated just now. The generator commits step by step, but each step still moves every envelope
    # total many times before it commits; compact once, as the earlier figures were measured on compact
    # tables (production writes arrive one per transaction and are pruned as they go).
    echo "== VACUUM (FULL, ANALYZE)"
    time "${PSQL[@]}" -c "VACUUM (FULL, ANALYZE)"
    # VACUUM FULL leaves the visibility map empty; a plain VACUUM sets it, as autovacuum does in
    # production, so that the partial indexes of V13_1 answer as index-only scans
    "${PSQL[@]}" -c "VACUUM"
else
    echo "== data generated before: VACUUM ANALYZE only"
    "${PSQL[@]}" -c "VACUUM ANALYZE"
fi

echo "== machine"
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); $(grep MemTotal /proc/meminfo)"
echo "$(java -version 2>&1 | head -1); $(python3 --version); $(psql --version); server $("${PSQL[@]}" -A -t -c 'show server_version')"
echo "== data"
"${PSQL[@]}" -c "
select (select count(*) from fiscal_year) as fiscal_years,
       (select string_agg(year || ' ' || status, ', ' order by year) from fiscal_year) as years,
       (select count(distinct kecamatan_code) from envelope) as kecamatan,
       (select count(*) from envelope) as envelopes,
       (select count(*) from allocation where status = 'ACTIVE') as active_allocations,
       (select count(*) from allocation) as allocations,
       (select count(*) from disbursement) as disbursements"
"${PSQL[@]}" -c "select fiscal_year, count(*) filter (where status = 'ACTIVE') as active_allocations,
       (select count(*) from disbursement d where d.fiscal_year = a.fiscal_year) as disbursements
from allocation a group by fiscal_year order by fiscal_year"

# load_run LABEL: the requirement, $CLIENTS concurrent clients; then one client (server time without
# queueing, the figure to compare with the single-client raw SQL below)
load_run() {
    local pg_pid
    pg_pid=$(sed -n 1p "$DB_DIR/postmaster.pid")
    for c in "$CLIENTS" 1; do
        echo "== load test ($1): $c client(s), ${WARMUP}s warm-up + ${DURATION}s per URL; uptime: $(uptime)"
        python3 bench/dashboard-load.py --base-url "http://localhost:$APP_PORT" --workers "$c" \
            --warmup "$WARMUP" --duration "$DURATION" --app-pid "$APP_PID" --pg-pid "$pg_pid" \
            || echo "(load test: some requests failed, see above)"
        echo "   uptime after: $(uptime)"
    done
}
# as configured: rendered figures are kept for dumisake.web.fragment-cache-ttl (nothing is written here)
load_run "figures kept"
# every request computes and renders its figures: the cost of a page right after a write
bench_stop_app
start_app --dumisake.web.fragment-cache-ttl=PT0S
PORT=$PG_PORT
load_run "figures not kept"

for f in summary summary-hit kecamatan kecamatan-hit api-summary; do
    for c in 1 "$CLIENTS"; do
        echo "== pgbench bench/dashboard-$f.sql -c $c -j $(( c < 2 ? 1 : 2 )) -T $PGBENCH_T; uptime: $(uptime)"
        pgbench -n -f "bench/dashboard-$f.sql" -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$PGBENCH_T" \
            -h localhost -p "$PORT" -U postgres postgres 2>&1 \
            | grep -E 'number of transactions actually processed|latency average|latency stddev|^tps'
    done
done

echo "== per statement, single client (median of 11); uptime: $(uptime)"
python3 bench/dashboard-statements.py --port "$PORT" bench/dashboard-summary.sql --explain
python3 bench/dashboard-statements.py --port "$PORT" bench/dashboard-kecamatan.sql
echo "== done; uptime: $(uptime)"
