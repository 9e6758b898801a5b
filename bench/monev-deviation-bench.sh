#!/usr/bin/env bash
# The deviation dashboard (issue 15) at Jambi-5y scale with 12 monthly progress reports per allocation: the API
# and the /monev page under 8 clients and 1, and the raw SQL of one API call, on one throw-away embedded
# database. Talks to localhost only; bounded durations; stops the application it started.
#
#   bench/monev-deviation-bench.sh                  # build, start on :8083 with /tmp/monev-bench-pg, generate, measure
#   SKIP_BUILD=1 WARMUP=40 DURATION=30 PGBENCH_T=30 CLIENTS=8 bench/monev-deviation-bench.sh
#   FRESH=1 bench/monev-deviation-bench.sh          # from an empty database directory
#
# The data comes from the application (--dumisake.demo.scale=jambi-5y, ScaleDataGenerator), which now also
# writes the progress reports. Needs: JDK 17, python3, psql and pgbench on PATH.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
APP_PORT=${APP_PORT:-8083}
DB_DIR=${DB_DIR:-/tmp/monev-bench-pg}
START_TIMEOUT=${START_TIMEOUT:-1200}
APP_LOG=${APP_LOG:-/tmp/monev-bench-app.log}
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-30}
PGBENCH_T=${PGBENCH_T:-30}
JAR=${JAR:-target/dumisake-0.1.0-SNAPSHOT.jar}
JVM_OPTS=${JVM_OPTS:--Xmx1g}
SQL=${SQL:-bench/monev-deviation.sql}
COMPARE_SQL=${COMPARE_SQL:-}   # e.g. bench/monev-deviation-lateral.sql: the statement before progress_latest, same run
URLS=("/api/v1/dashboard/deviation?year=2026&groupBy=kecamatan" "/api/v1/dashboard/deviation?year=2026&groupBy=opd"
      "/api/v1/dashboard/deviation?year=2026&groupBy=allocation" "/api/v1/dashboard/deviation?year=2026&groupBy=allocation&page=50"
      "/monev?year=2026&groupBy=kecamatan" "/monev?year=2026&groupBy=allocation&page=100")

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

bench_start_app --dumisake.demo.scale=jambi-5y
PORT=$PG_PORT
PSQL=(psql -X -v ON_ERROR_STOP=1 -h localhost -p "$PORT" -U postgres -d postgres)
echo "== ready after $READY_SECONDS s; embedded PostgreSQL on port $PORT"
grep -E 'Scale data' "$APP_LOG" | grep -E 'progress reports|done|generated before' | sed 's/^.*: Scale/   Scale/' || true
"${PSQL[@]}" -c "VACUUM ANALYZE"

echo "== machine: nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo); uptime: $(uptime)"
echo "== data"
"${PSQL[@]}" -c "select fiscal_year, count(*) as reports, count(distinct allocation_id) as allocations_reported
from progress_report group by 1 order by 1"
"${PSQL[@]}" -c "select count(*) filter (where status = 'ACTIVE') as active_2026 from allocation where fiscal_year = 2026"

pg_pid=$(sed -n 1p "$DB_DIR/postmaster.pid")
for c in "$CLIENTS" 1; do
    echo "== load: $c client(s), ${WARMUP}s warm-up + ${DURATION}s per URL; uptime: $(uptime)"
    python3 bench/dashboard-load.py --base-url "http://localhost:$APP_PORT" --workers "$c" --warmup "$WARMUP" \
        --duration "$DURATION" --target-p95-ms 100 --app-pid "$APP_PID" --pg-pid "$pg_pid" "${URLS[@]}" \
        || echo "(load test: some requests failed or missed the target, see above)"
done

for c in 1 "$CLIENTS"; do
    echo "== pgbench $SQL -c $c -T $PGBENCH_T; uptime: $(uptime)"
    pgbench -n -f "$SQL" -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$PGBENCH_T" \
        -h localhost -p "$PORT" -U postgres postgres 2>&1 \
        | grep -E 'number of transactions actually processed|latency average|latency stddev|^tps'
done
if [[ -n "$COMPARE_SQL" ]]; then
    for c in 1 "$CLIENTS"; do
        echo "== pgbench $COMPARE_SQL -c $c -T $PGBENCH_T (comparison); uptime: $(uptime)"
        pgbench -n -f "$COMPARE_SQL" -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$PGBENCH_T" \
            -h localhost -p "$PORT" -U postgres postgres 2>&1 \
            | grep -E 'number of transactions actually processed|latency average|latency stddev|^tps'
    done
fi
echo "== per statement, single client (median of 11); uptime: $(uptime)"
python3 bench/dashboard-statements.py --port "$PORT" "$SQL" --explain
echo "== done; uptime: $(uptime)"
