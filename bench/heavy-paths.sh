#!/usr/bin/env bash
# The paths that need the most memory at once, against the packaged jar with the shipped JVM options (or
# JVM_OPTS), to check that a smaller heap still carries them (docs/benchmarks.md, "Memory: shipped options"):
#
#   bench/heavy-paths.sh                      # SKIP_BUILD=1 to use target/ as it is
#   JVM_OPTS="-Xmx256m ..." bench/heavy-paths.sh
#
# On a database directory of its own (DB_DIR, emptied first unless KEEP_DB is set; demo data, whose first
# start takes about a minute), one after the other:
#   1. the beneficiary import of 100,000 rows (BENEFICIARY_ROWS) through the page (bench/beneficiary-import.py);
#   2. the XLSX export of 100,000 disbursements (bench/export-disbursements.sh, fiscal year YEAR), then the same
#      rows as CSV and the realisation report as PDF;
#   3. PHOTOS uploads at once of one JPEG (PHOTO, default a 17-megapixel 9.5 MB file written by
#      bench/photo-jpeg.java) to a progress report of the demo data, each scaled to the display size and the
#      thumbnail;
# and after each step the JVM's resident memory, its peak, and, with -XX:NativeMemoryTracking=summary in
# JVM_OPTS, where the memory went. Any failed step ends the script with an error. Talks to localhost only
# and stops the application it started.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
APP_PORT=${APP_PORT:-8090}
DB_DIR=${DB_DIR:-/tmp/bench-heavy-pg}
APP_LOG=${APP_LOG:-/tmp/bench-heavy-app.log}
START_TIMEOUT=${START_TIMEOUT:-600}
JAR=${JAR:-target/dumisake-0.1.0-SNAPSHOT.jar}
JVM_OPTS=${JVM_OPTS:-$(bench_shipped_jvm_options)}
BENEFICIARY_ROWS=${BENEFICIARY_ROWS:-100000}
export YEAR=${YEAR:-2089} ROWS=${EXPORT_ROWS:-100000}
PHOTOS=${PHOTOS:-4}
PHOTO=${PHOTO:-/tmp/bench-heavy-photo.jpg}
APP_URL="http://localhost:$APP_PORT"

bench_require java psql curl python3 awk
bench_port_free "$APP_PORT"
if [[ -z "${SKIP_BUILD:-}" ]]; then
    ./mvnw -q -B -DskipTests package
fi
[[ -n "${KEEP_DB:-}" ]] || rm -rf "$DB_DIR"
[[ -f "$PHOTO" ]] || java bench/photo-jpeg.java 4800 3600 0.82 "$PHOTO"
trap bench_stop_app EXIT

memory() {
    echo "   memory after $1: RSS $(bench_rss_mb "$APP_PID") MB, peak $(bench_hwm_mb "$APP_PID") MB"
    if [[ "$JVM_OPTS" == *NativeMemoryTracking* ]]; then
        jcmd "$APP_PID" VM.native_memory summary | grep -E '^(Total|-)|\(thread #' | sed 's/^/   /' || true
    fi
}
seconds() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

echo "== machine: nproc $(nproc); load average $(bench_loadavg)"
bench_start_app
echo "== ready after $READY_SECONDS s"
memory "start"

echo "== 1. beneficiary import, $BENEFICIARY_ROWS rows"
python3 bench/beneficiary-import.py --base "$APP_URL" --rows "$BENEFICIARY_ROWS"
memory "the import"

echo "== 2. exports of fiscal year $YEAR"
bench/export-disbursements.sh "$APP_URL" "$DB_DIR"
for path in "/api/v1/exports/disbursements.csv?year=$YEAR" "/api/v1/reports/realisasi.pdf?year=$YEAR"; do
    curl -sf -u admin:dumisake -o /dev/null -w "   $path: HTTP %{http_code}, %{size_download} bytes, %{time_total} s\n" \
        "$APP_URL$path"
done
memory "the exports"

echo "== 3. $PHOTOS uploads at once of $PHOTO ($(stat -c %s "$PHOTO") bytes)"
PSQL=(psql -X -q -A -t -h localhost -p "$PG_PORT" -U postgres -d postgres)
read -r ALLOCATION REPORT < <("${PSQL[@]}" -F ' ' -c "select r.allocation_id, r.id from progress_report r
    join allocation a on a.id = r.allocation_id join fiscal_year f on f.year = r.fiscal_year
    where a.opd_code = 'DISDIK' and a.status = 'ACTIVE' and f.status = 'OPEN' order by r.id desc limit 1")
began=$(date +%s.%N)
pids=()
for n in $(seq 1 "$PHOTOS"); do
    curl -sf -u op-disdik:dumisake -o /dev/null -w "   upload $n: HTTP %{http_code}, %{time_total} s\n" \
        -F "file=@$PHOTO;type=image/jpeg;filename=IMG_$n.jpg" \
        "$APP_URL/api/v1/allocations/$ALLOCATION/progress-reports/$REPORT/photos" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
echo "   all $PHOTOS answered after $(seconds "$began") s"
memory "the photos"
curl -sf "$APP_URL/actuator/health/liveness" | grep -q '"UP"' && echo "== alive and healthy"
