# Shared pieces of the benchmark scripts; sourced (`. bench/lib.sh`), never run. Every function talks to
# localhost only and is bounded in time. Used by all.sh, dashboard-bench.sh, dashboard-wrk.sh,
# monev-deviation-bench.sh and startup-memory.sh.

# bench_require TOOL...: exits with a hint when a tool is missing
bench_require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || {
            echo "missing: $tool (pgbench: apt-get install -y postgresql-contrib; wrk: apt-get install -y wrk)"
            exit 2
        }
    done
}

# bench_localhost_only URL: refuses anything but this machine
bench_localhost_only() {
    case "$1" in http://localhost:*|http://127.0.0.1:*) ;; *) echo "refusing $1: localhost only"; exit 2 ;; esac
}

# bench_port_free PORT: exits when something answers there already
bench_port_free() {
    if curl -s -o /dev/null "http://localhost:$1/"; then
        echo "port $1 is in use already: stop that process or set APP_PORT"; exit 2
    fi
}

# The JVM options the application ships with: the pom.xml property that spring-boot:run uses (README.md); the
# image's ENTRYPOINT has the same options with the heap as a share of the container's memory.
bench_shipped_jvm_options() {
    sed -n 's:.*<dumisake.run.jvm-options>\(.*\)</dumisake.run.jvm-options>.*:\1:p' pom.xml
}

# bench_start_app: starts $JAR with $JVM_OPTS on $APP_PORT with $DB_DIR, the rest of the arguments passed to
# the application, output to $APP_LOG; waits up to $START_TIMEOUT s for readiness, which Spring Boot reports
# only after the demo data runners and the scale data generator have finished. Sets APP_PID, READY_SECONDS
# and PG_PORT (the embedded PostgreSQL's, from postmaster.pid).
APP_PID=${APP_PID:-}
bench_start_app() {
    echo "== start: java $JVM_OPTS -jar $JAR --server.port=$APP_PORT --dumisake.embedded-db.dir=$DB_DIR $* (log: $APP_LOG)"
    # shellcheck disable=SC2086 # JVM_OPTS is a list of options
    java $JVM_OPTS -jar "$JAR" --server.port="$APP_PORT" --dumisake.embedded-db.dir="$DB_DIR" "$@" >"$APP_LOG" 2>&1 &
    APP_PID=$!
    local began
    began=$(date +%s)
    until curl -sf "http://localhost:$APP_PORT/actuator/health/readiness" | grep -q '"UP"'; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "the application exited; see $APP_LOG"; exit 1; }
        (( $(date +%s) - began < START_TIMEOUT )) || { echo "not ready after ${START_TIMEOUT}s; see $APP_LOG"; exit 1; }
        sleep 2
    done
    READY_SECONDS=$(( $(date +%s) - began ))
    PG_PORT=$(sed -n 4p "$DB_DIR/postmaster.pid")
}

# bench_stop_app: stops the application bench_start_app started (and with it its embedded PostgreSQL)
bench_stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        echo "== stopping the application (pid $APP_PID)"
        kill "$APP_PID"
        local _
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}

# bench_sign_in BASE: signs in through the login form as $USERNAME (default ahli) and prints the session cookie
bench_sign_in() {
    local jar csrf
    jar=$(mktemp)
    csrf=$(curl -s -c "$jar" -b "$jar" "$1/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=${USERNAME:-ahli}" \
        --data-urlencode "password=${PASSWORD:-dumisake}" --data-urlencode "_csrf=$csrf" "$1/login"
    awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar"
    rm -f "$jar"
}

# bench_sessions BASE N: exports DUMISAKE_COOKIES, N signed-in sessions for dashboard-wrk.lua (one per thread)
bench_sessions() {
    local cookies="" _
    for _ in $(seq 1 "$2"); do
        cookies="$cookies $(bench_sign_in "$1")"
    done
    export DUMISAKE_COOKIES="$cookies"
}

# bench_wrk BASE CLIENTS WARMUP DURATION URL: WARMUP s unmeasured, then DURATION s measured with CLIENTS
# connections on at most 2 wrk threads, as issue 20 measured (wrk, 2 threads, 16 connections): a thread per
# connection put 16 client threads on the 2 cores beside the application. Each thread has one session of
# bench_sessions. Prints the two lines of dashboard-wrk.lua ("requests N, errors N, req/s X" and "latency ms: p50 X,
# p95 X, p99 X, max X"). A request counts as an error after 30 s (wrk's default of 2 s dropped the slow answers of a
# busy machine).
bench_wrk() {
    local base=$1 clients=$2 warmup=$3 duration=$4 url=$5 threads
    threads=$(( clients < 2 ? clients : 2 ))
    if (( warmup > 0 )); then
        wrk -t "$threads" -c "$clients" -d "${warmup}s" --timeout 30s -s bench/dashboard-wrk.lua "$base$url" \
            >/dev/null || true
    fi
    wrk -t "$threads" -c "$clients" -d "${duration}s" --timeout 30s -s bench/dashboard-wrk.lua "$base$url" | tail -2
}

# bench_pgbench SQL CLIENTS SECONDS: runs a file of statements against the embedded PostgreSQL ($PG_PORT);
# prints pgbench's transaction count, latency and tps lines
bench_pgbench() {
    pgbench -n -f "$1" -c "$2" -j $(( $2 < 2 ? 1 : 2 )) -T "$3" -h localhost -p "$PG_PORT" -U postgres postgres 2>&1 \
        | grep -E 'number of transactions actually processed|latency average|latency stddev|^tps'
}

# bench_rss_mb PID: resident memory of a process in MB (VmRSS); bench_hwm_mb: its peak (VmHWM)
bench_rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }
bench_hwm_mb() { echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$1/status") / 1024 )); }

# bench_pg_rss_mb DB_DIR: RSS of the embedded PostgreSQL's processes together, in MB (shared buffers are
# counted once per process that touched them, so this overstates what the server holds)
bench_pg_rss_mb() {
    local pg_pid kb total=0 p
    pg_pid=$(sed -n 1p "$1/postmaster.pid")
    for p in "$pg_pid" $(pgrep -P "$pg_pid"); do
        kb=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
        total=$(( total + ${kb:-0} ))
    done
    echo $(( total / 1024 ))
}

bench_loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
