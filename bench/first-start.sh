#!/usr/bin/env bash
# First start on an empty database (initdb, Flyway, demo data) of one or more jars, alternating, so that two
# builds meet the same moments of a shared machine. For each start: seconds to readiness, the JVM's CPU time at
# readiness (utime + stime of /proc/<pid>/stat, which moves less with the machine's load than the wall clock),
# the load average, and the demo steps' own log lines.
#
#   bench/first-start.sh ROUNDS JAR...      e.g. bench/first-start.sh 3 /tmp/before.jar /tmp/after.jar
#   JVM_OPTS="-Xmx512m -XX:+UseSerialGC" PORT=18500 bench/first-start.sh 3 a.jar b.jar   # other than the shipped
#
# Each start gets a fresh database directory under /tmp/first-start and is stopped at readiness.
# Needs: JDK 17, curl, awk.
set -euo pipefail

ROUNDS=${1:?rounds}; shift
PORT=${PORT:-18500}
# the shipped JVM options (pom.xml's dumisake.run.jvm-options) unless given
JVM_OPTS=${JVM_OPTS:-$(cd "$(dirname "$0")/.." && . bench/lib.sh && bench_shipped_jvm_options)}
WORK=/tmp/first-start
TIMEOUT=${START_TIMEOUT:-300}
TICKS=$(getconf CLK_TCK)
mkdir -p "$WORK"

for round in $(seq 1 "$ROUNDS"); do
    for jar in "$@"; do
        name=$(basename "$jar" .jar)
        db="$WORK/$name-$round"
        rm -rf "$db"
        load=$(cut -d' ' -f1 /proc/loadavg)
        started=$(date +%s.%N)
        # shellcheck disable=SC2086
        java $JVM_OPTS -jar "$jar" --server.port="$PORT" --dumisake.embedded-db.dir="$db" \
            > "$WORK/$name-$round.log" 2>&1 &
        pid=$!
        until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null 2>&1; do
            if ! kill -0 "$pid" 2> /dev/null || (( $(date +%s) - ${started%.*} > TIMEOUT )); then
                echo "$name round $round: not ready, see $WORK/$name-$round.log"; kill "$pid" 2> /dev/null || true
                continue 2
            fi
            sleep 0.25
        done
        ready=$(date +%s.%N)
        cpu=$(awk -v t="$TICKS" '{print ($14 + $15) / t}' "/proc/$pid/stat")
        kill "$pid"; wait "$pid" 2> /dev/null || true
        printf '%-12s round %d  ready %5.1f s  JVM CPU %5.1f s  load before %s\n' \
            "$name" "$round" "$(echo "$ready - $started" | bc)" "$cpu" "$load"
        grep -o 'Demo data: .*\|Demo field photos: .*' "$WORK/$name-$round.log" | sed 's/^/      /' || true
        sleep 5
    done
done
