#!/usr/bin/env bash
# Visitor -> agent message path under load, through MariaDB (see bench/README.md for results).
# Starts Parley on Payara Micro against a fresh database on the local MariaDB, then for each session count runs
# bench/ChatLoad.java: that many visitor sockets sending RATE messages/second in total for SECONDS, received by one
# agent socket on the admin feed. Prints p50/p95/p99 latency and throughput, then the heap after a full GC.
# Usage: bench/chat-load.sh "500 1000 2000" RATE SECONDS     (defaults: "500 1000 2000" 1000 30)
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

for n in $counts; do
    java "$repo/bench/ChatLoad.java" "http://localhost:$port" "$agent" "$n" "$rate" "$seconds"
done
jcmd $(pgrep -f "payara-micro.jar.*--port $port") GC.run >/dev/null 2>&1 || true
jcmd $(pgrep -f "payara-micro.jar.*--port $port") GC.heap_info 2>/dev/null | head -3 || true
