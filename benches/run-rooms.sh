#!/usr/bin/env bash
# Load test of the live rooms on this machine: builds the release binaries, starts a fresh
# server (with its own PostgreSQL) in a temporary data dir, runs the load generator and
# stops the server again.
#
#   benches/run-rooms.sh [room|rooms|idle|all] [room rate ...]
#
#   benches/run-rooms.sh                 # all scenarios, room at 10000 msg/s
#   benches/run-rooms.sh room 2000 10000 # the one-room scenario at two rates
#
# Environment: DURATION (s, default 20), SOCKETS (idle, default 15000), JSON=1 for JSON
# lines, KEEP=1 to keep the data dir (server and PostgreSQL logs) afterwards,
# LIVINGLAB_BIN / LOADGEN_BIN to run prebuilt binaries instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."

scenario="${1:-all}"
[ $# -gt 0 ] && shift
case "$scenario" in
room | rooms | idle | all) ;;
*)
    echo "usage: $0 [room|rooms|idle|all] [room rate ...]" >&2
    exit 2
    ;;
esac
rates=("$@")
[ ${#rates[@]} -eq 0 ] && rates=(10000)
duration="${DURATION:-20}"
sockets="${SOCKETS:-15000}"
json=()
[ "${JSON:-0}" = 1 ] && json=(--json)

# 15000 sockets on each side; the server inherits this limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ulimit -n 20000 2>/dev/null || true
echo "open files limit: $(ulimit -n)" >&2

# LIVINGLAB_BIN names another server binary (e.g. an older build, for a before/after
# comparison driven by the same load generator); without it the workspace is built.
if [ -z "${LIVINGLAB_BIN:-}" ]; then
    cargo build --release --workspace
fi
bin="${LIVINGLAB_BIN:-target/release/livinglab}"
lg="${LOADGEN_BIN:-target/release/loadgen}"

data="$(mktemp -d /tmp/livinglab-bench.XXXXXX)"
# The embedded PostgreSQL runs as `postgres` when we are root: it must reach the dir.
chmod 755 "$data"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
server_pid=""

cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        for _ in $(seq 1 300); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "server did not stop within 30 s; killing it" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ -s "$data/server.log" ]; then
        echo "--- server log (warnings and errors, last 30 lines of $(wc -l <"$data/server.log")) ---" >&2
        tail -n 30 "$data/server.log" >&2
    fi
    if [ "${KEEP:-0}" = 1 ]; then
        echo "kept $data" >&2
    else
        rm -rf "$data"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

LIVINGLAB_BIND="127.0.0.1:$port" \
    LIVINGLAB_DATA_DIR="$data" \
    LIVINGLAB_AUTH_RATE_PER_MINUTE=0 \
    LIVINGLAB_WS_RATE_PER_SECOND=0 \
    LIVINGLAB_REFRESH_RATE_PER_MINUTE=0 \
    LIVINGLAB_WS_PREHELLO_PER_IP=0 \
    LIVINGLAB_LOG=warn \
    "$bin" >"$data/server.log" 2>&1 &
server_pid=$!

echo "waiting for $url/healthz (pid $server_pid, data $data)" >&2
for i in $(seq 1 600); do
    if curl -fsS -o /dev/null "$url/healthz" 2>/dev/null; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "server exited during start-up" >&2
        exit 1
    fi
    if [ "$i" = 600 ]; then
        echo "server not healthy after 120 s" >&2
        exit 1
    fi
    sleep 0.2
done

export LOADGEN_ADMIN_EMAIL=admin@example.org
export LOADGEN_ADMIN_PASSWORD=long-password-123
LIVINGLAB_DATA_DIR="$data" LIVINGLAB_LOG=warn "$bin" user create \
    --email "$LOADGEN_ADMIN_EMAIL" --password "$LOADGEN_ADMIN_PASSWORD" \
    --name Admin --role admin >/dev/null

failed=0
run() {
    echo "+ loadgen $*" >&2
    if ! "$lg" "$@" --url "$url" --server-pid "$server_pid" "${json[@]}"; then
        echo "loadgen $1 failed" >&2
        failed=1
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "THE SERVER DIED during: loadgen $*" >&2
        exit 1
    fi
    echo
}

if [ "$scenario" = room ] || [ "$scenario" = all ]; then
    for rate in "${rates[@]}"; do
        run room --members 100 --senders 1 --rate "$rate" --duration "$duration"
    done
fi
if [ "$scenario" = rooms ] || [ "$scenario" = all ]; then
    run rooms --rooms 200 --members-per-room 2 --rate 25000 --duration "$duration"
fi
if [ "$scenario" = idle ] || [ "$scenario" = all ]; then
    run idle --sockets "$sockets" --users 50 --rooms 30 --hold 10
fi
exit "$failed"
