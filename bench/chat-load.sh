#!/usr/bin/env bash
# Visitor -> agent message path under load, through MariaDB (see bench/README.md for results).
# Starts Parley on Payara Micro against a fresh database on the local MariaDB, then for each session count runs
# bench/ChatLoad.java: that many visitor sockets sending RATE messages/second in total for SECONDS, received by one
# agent socket on the admin feed. Prints p50/p95/p99 latency and throughput. Then, with IDLE set, opens IDLE idle
# visitor sessions and prints the heap used after a full GC with none and with them open, and the difference per 1,000.
# Usage: [WARM_UP=150] [IDLE=10000] bench/chat-load.sh "500 1000 2000" RATE SECONDS   (defaults: "500 1000 2000" 1000 30)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
counts=${1:-"500 1000 2000"}
rate=${2:-1000}
seconds=${3:-30}
port=${BENCH_PORT:-18090}
db=parley_bench_$(date +%s)
password=bench$(openssl rand -hex 8)
data=$(mktemp -d)

mysql -uroot -h127.0.0.1 -e "CREATE DATABASE $db CHARACTER SET utf8mb4; CREATE USER '$db'@'%' IDENTIFIED BY '$password'; GRANT ALL ON $db.* TO '$db'@'%';"
export PARLEY_PORT=$port PARLEY_DATA_DIR=$data DB_URL="jdbc:mysql://127.0.0.1:3306/$db" DB_USER=$db DB_PASSWORD=$password
export MASTER_KEY_BASE64=$(openssl rand -base64 32) PARLEY_ADMIN_EMAIL=bench@parley.local PARLEY_ADMIN_PASSWORD="load test passphrase 1"
export JAVA_OPTS="${JAVA_OPTS:--Xmx2g}"
"$repo/payara-config/micro/start-parley.sh" > "$data/server.log" 2>&1 &
server=$!
cleanup() {
    kill $server 2>/dev/null || true
    wait $server 2>/dev/null || true
    mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db; DROP USER IF EXISTS '$db'@'%';"
    rm -rf "$data"
}
trap cleanup EXIT
for _ in $(seq 180); do
    curl -fsS -o /dev/null "http://localhost:$port/health/ready" 2>/dev/null && break
    kill -0 $server 2>/dev/null || break
    sleep 1
done
curl -fsS -o /dev/null "http://localhost:$port/health/ready" || { tail -50 "$data/server.log" >&2; exit 1; }

login() {
    curl -fsS -X POST "http://localhost:$port/api/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
admin=$(login "$PARLEY_ADMIN_EMAIL" "$PARLEY_ADMIN_PASSWORD")
curl -fsS -o /dev/null -X POST "http://localhost:$port/api/auth/signup" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"email":"agent@bench.local","name":"Bench Agent","password":"relay check passphrase","roles":["agent"]}'
agent=$(login agent@bench.local "relay check passphrase")

# Payara's code takes minutes of load before the JIT has compiled it (its compiler threads take most of a core meanwhile):
# a discarded warm-up run first, so that the runs below measure the server as it runs for days.
if [ "${WARM_UP:-150}" -gt 0 ]; then
    echo "warm-up (discarded): $(java "$repo/bench/ChatLoad.java" "http://localhost:$port" "$agent" 200 100 "${WARM_UP:-150}")"
fi
for n in $counts; do
    java "$repo/bench/ChatLoad.java" "http://localhost:$port" "$agent" "$n" "$rate" "$seconds"
done

[ -n "${IDLE:-}" ] || exit 0
jvm=$(pgrep -f "payara-micro.jar.*--port $port")
# kilobytes of heap in use after a full collection
heap_used() {
    jcmd "$jvm" GC.run >/dev/null
    sleep 2
    jcmd "$jvm" GC.heap_info | sed -nE 's/.*total [0-9]+K, used ([0-9]+)K.*/\1/p' | head -1
}
before=$(heap_used)
java "$repo/bench/ChatLoad.java" "http://localhost:$port" "$agent" "$IDLE" idle 600 > "$data/idle.log" 2>&1 &
idler=$!
until grep -q "^idle:" "$data/idle.log"; do
    kill -0 $idler 2>/dev/null || { cat "$data/idle.log" >&2; exit 1; }
    sleep 2
done
after=$(heap_used)
kill $idler
echo "idle: $(cat "$data/idle.log") - heap used after GC ${before}K without, ${after}K with them:" \
    "$(( (after - before) / (IDLE / 1000) ))K per 1,000 idle connections"
