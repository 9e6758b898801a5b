#!/usr/bin/env bash
# Export of 100,000 disbursement rows to XLSX: must take <= 10 s with the application's heap capped (the shipped
# options: pom.xml's dumisake.run.jvm-options; bench/heavy-paths.sh runs this script with them).
#
# 1. Start the packaged application on a throw-away database with the shipped options:
#      ./mvnw -q -B package -DskipTests
#      java $(. bench/lib.sh; bench_shipped_jvm_options) -Ddumisake.embedded-db.dir=/tmp/bench-export-pg \
#           -jar target/dumisake-0.1.0-SNAPSHOT.jar --server.port=8093 &
# 2. bench/export-disbursements.sh [base-url] [embedded-db-dir]
#
# The script opens a fiscal year of its own (YEAR, default the first free one from 2089) through the API,
# fills it with SQL (bench/export-disbursements.sql), downloads the export three times with HTTP Basic and
# prints status, size and time of each; then reads the file back (row count) and the JVM's heap peak.
set -euo pipefail
BASE=${1:-http://localhost:8093}
DB_DIR=${2:-/tmp/bench-export-pg}
ROWS=${ROWS:-100000}
AUTH=${AUTH:-admin:dumisake}
HERE=$(cd "$(dirname "$0")" && pwd)
PG_PORT=$(sed -n 4p "$DB_DIR/postmaster.pid")
PSQL=(psql -X -q -h localhost -p "$PG_PORT" -U postgres -d postgres)

# the first year from 2089 on without disbursements
YEAR=${YEAR:-$("${PSQL[@]}" -At -c "select min(y) from generate_series(2089, 2100) y
    where not exists (select 1 from disbursement d where d.fiscal_year = y)")}
echo "fiscal year $YEAR, $ROWS disbursements"
if [ "$("${PSQL[@]}" -At -c "select count(*) from fiscal_year where year = $YEAR")" = 0 ]; then
    curl -sf -u "$AUTH" -H 'Content-Type: application/json' -o /dev/null \
         -d "{\"year\": $YEAR, \"paguPerKecamatan\": 2000000000}" "$BASE/api/v1/fiscal-years"
fi
start=$(date +%s.%N)
"${PSQL[@]}" -v year="$YEAR" -v rows="$ROWS" -f "$HERE/export-disbursements.sql"
echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s"

OUT=$(mktemp --suffix=.xlsx)
for run in 1 2 3; do
    curl -s -u "$AUTH" -o "$OUT" -w "run $run: HTTP %{http_code}, %{size_download} bytes, %{time_total} s\n" \
         "$BASE/api/v1/exports/disbursements.xlsx?year=$YEAR"
done
python3 - "$OUT" <<'PY'
import re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    sheet = z.read("xl/worksheets/sheet1.xml")
print("rows in the sheet:", len(re.findall(rb"<row ", sheet)), "(header block + heading + data + totals)")
PY
PID=$(pgrep -f "embedded-db.dir=$DB_DIR" | head -1 || true)
if [ -n "$PID" ]; then
    jcmd "$PID" GC.heap_info | head -3
    jcmd "$PID" VM.flags | tr ' ' '\n' | grep -E 'MaxHeapSize' || true
fi
rm -f "$OUT"
