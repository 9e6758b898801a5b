#!/usr/bin/env bash
# Dashboard pages under load with wrk (Debian: apt-get install -y wrk), a C client that leaves the two
# cores to the server far more than the Python client does. Every connection signs in as its own session
# (one wrk thread per client). Needs a running application; talks to localhost only; bounded in time.
#
#   BASE=http://localhost:8095 CLIENTS=8 WARMUP=40 DURATION=20 bench/dashboard-wrk.sh [URL ...]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:-http://localhost:8095}
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-20}
case "$BASE" in http://localhost:*|http://127.0.0.1:*) ;; *) echo "refusing $BASE: localhost only"; exit 2 ;; esac
command -v wrk >/dev/null || { echo "missing: wrk (apt-get install -y wrk)"; exit 2; }
if [[ $# -eq 0 ]]; then
    set -- "/dasbor?year=2026" "/dasbor/kecamatan/15.01.01?year=2026" "/api/v1/dashboard/summary?year=2026"
fi

sign_in() {
    local jar csrf
    jar=$(mktemp)
    csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=${USERNAME:-ahli}" \
        --data-urlencode "password=${PASSWORD:-dumisake}" --data-urlencode "_csrf=$csrf" "$BASE/login"
    awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar"
    rm -f "$jar"
}

cookies=""
for _ in $(seq 1 "$CLIENTS"); do
    cookies="$cookies $(sign_in)"
done
export DUMISAKE_COOKIES="$cookies"

for url in "$@"; do
    echo "== wrk: $CLIENTS clients, ${WARMUP}s warm-up + ${DURATION}s on $url; uptime: $(uptime)"
    wrk -t "$CLIENTS" -c "$CLIENTS" -d "${WARMUP}s" -s bench/dashboard-wrk.lua "$BASE$url" >/dev/null
    wrk -t "$CLIENTS" -c "$CLIENTS" -d "${DURATION}s" -s bench/dashboard-wrk.lua "$BASE$url" | tail -2
done
