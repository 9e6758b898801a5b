#!/usr/bin/env bash
# Dashboard pages under load with wrk (Debian: apt-get install -y wrk), a C client that leaves the two
# cores to the server far more than the Python client does. Each wrk thread signs in as its own session
# (at most 2 threads, bench_wrk in lib.sh). Needs a running application; talks to localhost only; bounded in time.
#
#   BASE=http://localhost:8095 CLIENTS=8 WARMUP=40 DURATION=20 bench/dashboard-wrk.sh [URL ...]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
BASE=${BASE:-http://localhost:8095}
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-20}
bench_localhost_only "$BASE"
bench_require wrk curl
if [[ $# -eq 0 ]]; then
    set -- "/dasbor?year=2026" "/dasbor/kecamatan/15.01.01?year=2026" "/api/v1/dashboard/summary?year=2026"
fi

bench_sessions "$BASE" "$CLIENTS"
for url in "$@"; do
    echo "== wrk: $CLIENTS clients, ${WARMUP}s warm-up + ${DURATION}s on $url; uptime: $(uptime)"
    bench_wrk "$BASE" "$CLIENTS" "$WARMUP" "$DURATION" "$url"
done
