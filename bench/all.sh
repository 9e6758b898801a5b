#!/usr/bin/env bash
# Every benchmark of issue 20 against ONE freshly generated database, and one table of the results: page,
# clients, req/s, p50, p95, raw SQL, ratio to it, target, met/missed — a regression is one command away.
#
#   bench/all.sh                                   # build, generate jambi-5y on an empty directory, measure
#   SKIP_BUILD=1 WARMUP=5 DURATION=10 bench/all.sh # shorter (indicative only: the JIT is still busy)
#   SCALE=national bench/all.sh                    # 7,144 kecamatan, 1.1 M allocations (generation ~5 min)
#   KEEP_DB=1 SCALE=national bench/all.sh          # measure again on the database of the last run
#   JVM_OPTS="-Xmx1g" bench/all.sh                 # other JVM options than the shipped ones
#   KEEP_DB=1 ONLY='deviation|monev' bench/all.sh  # only the rows whose page matches (the memory row stays)
#   PREWARM=0 bench/all.sh                         # no round of every page before the first row (default 3 s each)
#   JVM_OPTS="$(. bench/lib.sh; bench_shipped_jvm_options) -XX:NativeMemoryTracking=summary" bench/all.sh
#                                                  # also prints where the JVM's memory went after the load
#
# It starts the packaged jar itself (shipped JVM options: pom.xml's dumisake.run.jvm-options, see README.md)
# with --dumisake.demo.scale=$SCALE, which fills the empty database directory before the application reports
# ready, and --dumisake.web.fragment-cache-ttl=PT0S, so that every dashboard request computes its figures.
# Then, signed in as admin (the audit list is the admin's): the raw SQL of the pages that have a file of it
# (pgbench, 1 client), the list pages and an allocation's detail (16 connections and 1; at national scale 8
# and 1), the dashboards (8 clients and 1), and the application's resident memory after all that load.
# Bounded (WARMUP + DURATION per page and client count, PGBENCH_T per SQL file), talks to localhost only,
# stops the application it started (and with it the embedded PostgreSQL).
#
# Needs: JDK 17, wrk, psql, pgbench, curl (Debian: apt-get install -y wrk postgresql-contrib).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
SCALE=${SCALE:-jambi-5y}
case "$SCALE" in
    jambi-5y) default_timeout=1200 ;;
    national) default_timeout=3600 ;;
    *) echo "SCALE must be jambi-5y or national"; exit 2 ;;
esac
APP_PORT=${APP_PORT:-8090}
DB_DIR=${DB_DIR:-/tmp/bench-all-$SCALE-pg}
APP_LOG=${APP_LOG:-/tmp/bench-all-$SCALE-app.log}
START_TIMEOUT=${START_TIMEOUT:-$default_timeout}
WARMUP=${WARMUP:-20}
PREWARM=${PREWARM:-3}
DURATION=${DURATION:-20}
PGBENCH_T=${PGBENCH_T:-$DURATION}
JAR=${JAR:-target/dumisake-0.1.0-SNAPSHOT.jar}
JVM_OPTS=${JVM_OPTS:-$(bench_shipped_jvm_options)}
export USERNAME=${USERNAME:-admin} PASSWORD=${PASSWORD:-dumisake}
YEAR=2026
APP_URL="http://localhost:$APP_PORT"
# the targets of issue 20
LIST_RPS=500; LIST_P50_MS=5; DASH_P95_MS=100; SQL_RATIO=2; RSS_MB=450
if [[ "$SCALE" == national ]]; then LIST_CLIENTS=8; else LIST_CLIENTS=16; fi

bench_require java wrk psql pgbench curl awk
bench_port_free "$APP_PORT"
if [[ -z "${SKIP_BUILD:-}" ]]; then
    echo "== build: ./mvnw -q -B -DskipTests package"
    ./mvnw -q -B -DskipTests package
fi
if [[ -z "${KEEP_DB:-}" ]]; then
    rm -rf "$DB_DIR"
fi
ROWS=$(mktemp)

trap 'bench_stop_app; rm -f "$ROWS"' EXIT

echo "== machine: nproc $(nproc);$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); $(java -version 2>&1 | head -1); load average $(bench_loadavg)"
bench_start_app --dumisake.demo.scale="$SCALE" --dumisake.web.fragment-cache-ttl=PT0S
echo "== ready after $READY_SECONDS s; embedded PostgreSQL on port $PG_PORT; load average $(bench_loadavg)"
grep -E 'Scale data' "$APP_LOG" | sed 's/^.*: Scale/   Scale/' || true
PSQL=(psql -X -q -A -t -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d postgres)
echo "== data: $("${PSQL[@]}" -F ' ' -c "select count(distinct kecamatan_code) || ' kecamatan,', (select count(*) from allocation) || ' allocations,',
    (select count(*) from disbursement) || ' disbursements,', (select count(*) from progress_report) || ' progress reports,',
    (select count(*) from beneficiary) || ' beneficiaries' from envelope")"
DETAIL_ID=$("${PSQL[@]}" -c "select min(id) from allocation where fiscal_year = $YEAR and kecamatan_code = '15.01.01'")

# row PAGE CLIENTS REQ/S P50 P95 SQL_MS RATIO TARGET VERDICT: one line of the table
row() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$ROWS"
}

# raw_sql FILE: latency average in ms of a file of statements, pgbench with 1 client (measured once per file)
declare -A SQL_MS=()
raw_sql() {
    local file=$1
    if [[ -z "${SQL_MS[$file]:-}" ]]; then
        SQL_MS[$file]=$(bench_pgbench "$file" 1 "$PGBENCH_T" | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p')
        echo "   raw SQL $file: ${SQL_MS[$file]} ms (pgbench -c 1 -T $PGBENCH_T)" >&2
    fi
    echo "${SQL_MS[$file]}"
}

# measure KIND PAGE CLIENTS [SQL_FILE]: one wrk run and its row; KIND list or dashboard picks the target
measure() {
    local kind=$1 page=$2 clients=$3 sql=${4:-} out requests rps p50 p95 errors sql_ms=- ratio=- target verdict
    # ONLY: a regular expression; the rows of other pages are left out (to measure one change again quickly)
    [[ -z "${ONLY:-}" || "$page" =~ $ONLY ]] || return 0
    out=$(bench_wrk "$APP_URL" "$clients" "$WARMUP" "$DURATION" "$page" 2>&1) || true
    requests=$(sed -n 's/^requests \([0-9]*\),.*/\1/p' <<<"$out")
    rps=$(sed -n 's/.*req\/s \([0-9.]*\).*/\1/p' <<<"$out")
    errors=$(sed -n 's/.*errors \([0-9]*\),.*/\1/p' <<<"$out")
    p50=$(sed -n 's/.*p50 \([0-9.]*\),.*/\1/p' <<<"$out")
    p95=$(sed -n 's/.*p95 \([0-9.]*\),.*/\1/p' <<<"$out")
    if [[ -n "$sql" && "$clients" == 1 ]]; then
        sql_ms=$(raw_sql "$sql")
        ratio=$(awk -v a="$p50" -v b="$sql_ms" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    fi
    case "$kind/$clients" in
        list/1) [[ "$SCALE" == national ]] && target="-" || target="p50 <= $LIST_P50_MS ms" ;;
        list/*) [[ "$SCALE" == national ]] && target="p95 <= $DASH_P95_MS ms" || target=">= $LIST_RPS req/s" ;;
        dashboard/1) [[ "$ratio" != - ]] && target="<= ${SQL_RATIO}x SQL" || target="-" ;;
        dashboard/*) target="p95 <= $DASH_P95_MS ms" ;;
    esac
    if [[ -z "$rps" || -z "$p50" || "${errors:-1}" != 0 || "${requests:-0}" == 0 ]]; then
        # a run without an answer (none within DURATION) says nothing, and a failed request fails the row
        verdict="ERRORS"
        echo "   $page ($clients clients): $out" >&2
    else
        verdict=$(awk -v t="$target" -v rps="$rps" -v p50="$p50" -v p95="$p95" -v r="$ratio" 'BEGIN {
            split(t, w, " "); if (t == "-") { print "-"; exit }
            if (w[1] == ">=") ok = rps >= w[2]; else if (w[1] == "p50") ok = p50 <= w[3];
            else if (w[1] == "p95") ok = p95 <= w[3]; else ok = r <= substr(w[2], 1, length(w[2]) - 1) + 0;
            print ok ? "met" : "MISSED" }')
    fi
    row "$page" "$clients" "${rps:--}" "${p50:--}" "${p95:--}" "$sql_ms" "$ratio" "$target" "$verdict"
    echo "   $(bench_loadavg) | $page | $clients | $rps req/s | p50 $p50 | p95 $p95 | $verdict" >&2
}

# the list pages, plain, filtered, and sorted where the list offers a sort (a page further on where it does not), and an
# allocation's detail
LIST_PAGES=("/alokasi?year=$YEAR" "/alokasi?year=$YEAR&opd=DISDIK" "/alokasi?year=$YEAR&sort=amount,desc"
            "/pencairan?year=$YEAR" "/pencairan?year=$YEAR&status=SUBMITTED" "/pencairan?year=$YEAR&page=20"
            "/penerima" "/penerima?name=Sintetis" "/penerima?page=20"
            "/audit" "/audit?entityType=Allocation" "/audit?user=admin&page=5" "/audit?page=20"
            "/alokasi/$DETAIL_ID")
# measure_lists: every list page with LIST_CLIENTS and 1 (bench/lists-bench.sh measures the same pages with the CPU each
# request costs the application and PostgreSQL, for finding where the time goes)
measure_lists() {
    local page clients
    for page in "${LIST_PAGES[@]}"; do
        for clients in "$LIST_CLIENTS" 1; do
            measure list "$page" "$clients"
        done
    done
}

# each dashboard with the file of its raw SQL, where there is one
DASHBOARDS=("/dasbor?year=$YEAR|bench/dashboard-summary.sql"
            "/dasbor/kecamatan/15.01.01?year=$YEAR|bench/dashboard-kecamatan.sql"
            "/api/v1/dashboard/summary?year=$YEAR|bench/dashboard-api-summary.sql"
            "/dasbor/opd/DISDIK?year=$YEAR|" "/api/v1/dashboard/opd?year=$YEAR|"
            "/api/v1/dashboard/deviation?year=$YEAR&groupBy=kecamatan|bench/monev-deviation.sql"
            "/api/v1/dashboard/deviation?year=$YEAR&groupBy=opd|"
            "/api/v1/dashboard/deviation?year=$YEAR&groupBy=kecamatan&page=30&size=100|"
            "/monev?year=$YEAR&groupBy=kecamatan|" "/monev?year=$YEAR&groupBy=kecamatan&page=30|"
            "/api/v1/dashboard/deviation?year=$YEAR&groupBy=allocation|"
            "/api/v1/dashboard/deviation?year=$YEAR&groupBy=allocation&page=50|"
            "/monev?year=$YEAR&groupBy=allocation&page=100|"
            "/sasaran-kemiskinan|bench/targeting-page.sql"
            "/api/v1/dashboard/targeting?year=$YEAR|bench/targeting-api.sql")
measure_dashboards() {
    local spec page sql clients
    for spec in "${DASHBOARDS[@]}"; do
        page=${spec%|*}; sql=${spec#*|}
        for clients in 8 1; do
            measure dashboard "$page" "$clients" "$sql"
        done
    done
}

# warm_all: every page to be measured (those ONLY keeps), PREWARM seconds each with 2 clients, twice round, before the
# first measurement. Just after the start every page's code is new to the JIT, and a page's own WARMUP was too short
# for it: the first rows measured the compiler at work (the allocation list at a third of its later rate).
warm_all() {
    local round page
    (( PREWARM > 0 )) || return 0
    for round in 1 2; do
        for page in "${LIST_PAGES[@]}" "${DASHBOARDS[@]%|*}"; do
            [[ -z "${ONLY:-}" || "$page" =~ $ONLY ]] || continue
            bench_wrk "$APP_URL" 2 0 "$PREWARM" "$page" >/dev/null 2>&1 || true
        done
    done
}

echo "== signing in 16 sessions as $USERNAME"
bench_sessions "$APP_URL" 16
echo "== every page ${PREWARM}s with 2 clients, twice round, unmeasured (PREWARM=0: none)"
warm_all
echo "== lists and detail, ${WARMUP}s warm-up + ${DURATION}s each (load average, page, clients, req/s, p50, p95)"
measure_lists
echo "== dashboards, figures computed on every request"
measure_dashboards
RSS=$(bench_rss_mb "$APP_PID")
# With -XX:NativeMemoryTracking=summary in JVM_OPTS: where that memory went (docs/benchmarks.md, "Memory: shipped
# options"), right after the RSS of the row below was read
if [[ "$JVM_OPTS" == *NativeMemoryTracking* ]]; then
    echo "== native memory after the load (jcmd $APP_PID VM.native_memory summary; GC.heap_info)"
    jcmd "$APP_PID" VM.native_memory summary | grep -E '^(Total|-)|\(thread #' || true
    jcmd "$APP_PID" GC.heap_info | tail -n +2 || true
fi
if (( RSS <= RSS_MB )); then verdict=met; else verdict=MISSED; fi
row "resident memory of the JVM after the load: $RSS MB (peak $(bench_hwm_mb "$APP_PID") MB; PostgreSQL's processes $(bench_pg_rss_mb "$DB_DIR") MB)" \
    - - - - - - "RSS <= $RSS_MB MB" "$verdict"

echo
echo "== $SCALE, JVM options: $JVM_OPTS; ${WARMUP}s warm-up + ${DURATION}s per row, wrk at most 2 threads; raw SQL: pgbench -c 1 -T $PGBENCH_T, ratio = page p50 (1 client) / SQL latency; $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(bench_loadavg)"
echo
echo "| page | clients | req/s | p50 ms | p95 ms | raw SQL ms | ratio | target | verdict |"
echo "|---|---|---|---|---|---|---|---|---|"
awk -F '\t' '{ if ($1 ~ /^\//) $1 = "`" $1 "`"; printf "| %s | %s | %s | %s | %s | %s | %s | %s | **%s** |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }' "$ROWS"

