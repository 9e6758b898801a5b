#!/usr/bin/env bash
# Start-up time to readiness and resident memory after a load run (issue 9): start-up ≤ 15 s in the
# default profile with a warm Maven cache, RSS ≤ 700 MB after the load run.
#
#   bench/startup-memory.sh                  # build the jar, then measure everything below
#   SKIP_BUILD=1 bench/startup-memory.sh     # use target/*.jar as it is
#   JVM_OPTS="-Xmx512m -XX:+UseSerialGC" SKIP_BUILD=1 bench/startup-memory.sh   # other JVM options
#   SKIP_MVN=1 SKIP_BUILD=1 bench/startup-memory.sh    # java -jar only (e.g. to compare JVM options)
#   KEEP_DB=1 SKIP_MVN=1 SKIP_BUILD=1 JVM_OPTS=... bench/startup-memory.sh   # ... on the last run's database
#   JVM_OPTS=-XX:NativeMemoryTracking=summary ...     # also prints where the JVM's memory goes (jcmd)
#
# It measures, each on its own throw-away database directory under /tmp and its own port:
#   1. ./mvnw spring-boot:run, first start (initdb, Flyway, demo data) and restart (data kept);
#   2. java -jar, first start and restart;
#   3. after the java -jar restart: a load run (bench/dashboard-load.py, 8 clients, LOAD_SECONDS spread over
#      the dashboard and list pages), then VmRSS / VmHWM of the JVM from /proc/<pid>/status and the sum of
#      the embedded PostgreSQL processes' RSS.
# "Ready" = /actuator/health/readiness answers UP, which Spring Boot reports only after the demo data
# runners have finished. Every number is printed with the load average of that moment: the machine may be
# shared. Bounded in time (START_TIMEOUT per start, LOAD_SECONDS of load) and stops everything it starts.
#
# Needs: JDK 17, python3, curl.
set -euo pipefail
set +m  # no job control: `setsid cmd &` then runs cmd itself, so $! is its process group

cd "$(dirname "$0")/.."
. bench/lib.sh
PORT=${PORT:-18097}
WORK=${WORK:-/tmp/startup-memory}
START_TIMEOUT=${START_TIMEOUT:-300}
LOAD_SECONDS=${LOAD_SECONDS:-60}
CLIENTS=${CLIENTS:-8}
JVM_OPTS=${JVM_OPTS:-}
JAR=${JAR:-target/dumisake-0.1.0-SNAPSHOT.jar}
URLS=("/dasbor?year=2026" "/dasbor/kecamatan/15.01.01?year=2026" "/api/v1/dashboard/summary?year=2026"
      "/alokasi?year=2026" "/pencairan" "/penerima")

for tool in java python3 curl setsid; do
    command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 2; }
done
if curl -s -o /dev/null "http://localhost:$PORT/"; then
    echo "port $PORT is in use already: stop that process or set PORT"; exit 2
fi
if [[ -z "${SKIP_BUILD:-}" ]]; then
    echo "== build: ./mvnw -q -B -DskipTests package"
    ./mvnw -q -B -DskipTests package
fi
mkdir -p "$WORK"

GROUP=""
stop_group() {
    # the process group of the last start (setsid): mvnw, the Maven JVM and the forked application JVM
    if [[ -n "$GROUP" ]] && kill -0 -- "-$GROUP" 2>/dev/null; then
        kill -- "-$GROUP" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 -- "-$GROUP" 2>/dev/null || break; sleep 1; done
        kill -9 -- "-$GROUP" 2>/dev/null || true
    fi
    GROUP=""
}
trap stop_group EXIT


# start <label> <log> <command...>: runs the command in its own process group and waits for readiness
start() {
    local label=$1 log=$2
    shift 2
    local began
    began=$(date +%s.%N)
    setsid "$@" >"$log" 2>&1 &
    GROUP=$!
    local deadline=$(( $(date +%s) + START_TIMEOUT ))
    until curl -sf "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$GROUP" 2>/dev/null || { echo "$label: exited before ready; see $log"; exit 1; }
        (( $(date +%s) < deadline )) || { echo "$label: not ready after ${START_TIMEOUT}s; see $log"; exit 1; }
        sleep 0.1
    done
    local ready
    ready=$(date +%s.%N)
    printf '%-36s ready after %6.2f s  (%s)  load average %s\n' "$label" "$(echo "$ready - $began" | bc)" \
        "$(grep -o 'Started DumisakeApplication in [0-9.]* seconds' "$log" | head -1)" "$(bench_loadavg)"
}

app_pid() {
    # the JVM that runs the application: the one listening on our port among the group's processes
    local pid
    for pid in $(pgrep -g "$GROUP" java); do
        if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -e DumisakeApplication -e "$JAR"; then
            echo "$pid"; return
        fi
    done
}

memory() {
    local pid=$1 db=$2
    printf 'JVM %s: VmRSS %d MB, VmHWM %d MB; embedded PostgreSQL (%d processes, shared buffers counted per process): %d MB; load average %s\n' \
        "$pid" "$(bench_rss_mb "$pid")" "$(bench_hwm_mb "$pid")" \
        "$(( 1 + $(pgrep -c -P "$(sed -n 1p "$db/postmaster.pid")") ))" "$(bench_pg_rss_mb "$db")" "$(bench_loadavg)"
}

echo "== machine: nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); $(grep MemTotal /proc/meminfo | tr -s ' ')"
echo "   $(java -version 2>&1 | head -1); JVM_OPTS='${JVM_OPTS}'; load average $(bench_loadavg)"

if [[ -z "${SKIP_MVN:-}" ]]; then
    echo "== ./mvnw spring-boot:run (warm Maven cache; compiles nothing when target/ is up to date)"
    rm -rf "$WORK/mvn-pg"
    MVN=(./mvnw -q -B -o spring-boot:run "-Dspring-boot.run.arguments=--server.port=$PORT"
         "-Dspring-boot.run.jvmArguments=-Ddumisake.embedded-db.dir=$WORK/mvn-pg $JVM_OPTS")
    start "spring-boot:run, first start" "$WORK/mvn-1.log" "${MVN[@]}"
    stop_group
    start "spring-boot:run, restart" "$WORK/mvn-2.log" "${MVN[@]}"
    stop_group
fi

echo "== java -jar $JAR"
# shellcheck disable=SC2206 # JVM_OPTS is a list of options
JAVA=(java $JVM_OPTS -jar "$JAR" "--server.port=$PORT" "--dumisake.embedded-db.dir=$WORK/jar-pg")
if [[ -n "${KEEP_DB:-}" && -d "$WORK/jar-pg" ]]; then
    echo "(KEEP_DB: restart on the database of the previous run, no first start)"
else
    rm -rf "$WORK/jar-pg"
    start "java -jar, first start" "$WORK/jar-1.log" "${JAVA[@]}"
    stop_group
fi
start "java -jar, restart" "$WORK/jar-2.log" "${JAVA[@]}"
PID=$(app_pid)
echo "-- after start:      $(memory "$PID" "$WORK/jar-pg")"

PER_URL=$(( LOAD_SECONDS / ${#URLS[@]} ))
echo "== load: $CLIENTS clients, ${PER_URL}s per URL on ${#URLS[@]} URLs (${LOAD_SECONDS}s); load average $(bench_loadavg)"
python3 bench/dashboard-load.py --base-url "http://localhost:$PORT" --workers "$CLIENTS" --warmup 0 \
    --duration "$PER_URL" --target-p95-ms 1000000 "${URLS[@]}" | grep -v "^logging in" || true
echo "-- after load:       $(memory "$PID" "$WORK/jar-pg")"
if [[ "$JVM_OPTS" == *NativeMemoryTracking* ]] && command -v jcmd >/dev/null; then
    # where the JVM's resident memory goes: heap, metaspace ("Class"), code cache, thread stacks, GC, ...
    jcmd "$PID" VM.native_memory summary | grep -E '^(Total|-  *(Java Heap|Class|Thread|Code|GC|Internal|Other|Symbol|Metaspace))' || true
fi
stop_group
echo "== done; load average $(bench_loadavg)"
