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
# The message path's capacity, not a visitor's manners: one session here writes faster than a person (the abuse
# limits are measured with them in force by bench/abuse.sh).
export PARLEY_LIMITS_SESSION_MESSAGES=${PARLEY_LIMITS_SESSION_MESSAGES:-1000000/1s}
source "$repo/bench/parley-on-mariadb.sh"
prepare_chat_load
for n in $counts; do
    java "$repo/bench/ChatLoad.java" "http://localhost:$port" "$agent" "$n" "$rate" "$seconds"
done

[ -n "${IDLE:-}" ] || exit 0
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
