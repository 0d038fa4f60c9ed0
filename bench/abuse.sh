#!/usr/bin/env bash
# The abuse limits under load (see bench/README.md, "Abuse limits"). Starts Parley on MariaDB with the default limits,
# then runs the normal load of chat-load.sh — SESSIONS visitors sending RATE messages/second in total, each from an
# address of its own, to one agent on the admin feed — for SECONDS, twice: alone, and with CLIENTS hostile clients each
# running every flood at once (bench/ChatLoad.java, hostile form). For each run it prints the normal visitors' latency
# and what of theirs was lost or refused, what the floods tried and got, and the server's heap: the most in use while
# it ran (sampled every 2 s) and what is left after a full collection.
# Usage: [WARM_UP=150] [FLOODS=messages,sessions,agent_requests,images,tickets] [PROFILE=/abs/path.jfr]
#        bench/abuse.sh [SESSIONS RATE SECONDS CLIENTS]   (defaults: every flood; 500 500 30 10)
# PROFILE records the server with Java Flight Recorder (settings=profile) through the hostile run's measured seconds.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sessions=${1:-500}
rate=${2:-500}
seconds=${3:-30}
clients=${4:-10}
source "$repo/bench/parley-on-mariadb.sh"
prepare_chat_load

# Runs the normal load (and the floods, when asked) and prints the results with the heap's highest use meanwhile.
measure() {
    local label=$1 hostile=$2 peak=0 used
    java "$repo/bench/ChatLoad.java" "http://localhost:$port" "$agent" "$sessions" "$rate" "$seconds" > "$data/normal.log" 2>&1 &
    local normal=$!
    local flooder=""
    if [ "$hostile" = yes ]; then
        # the floods start once the normal visitors are connected and run through their warm-up and measurement
        sleep 10
        java "$repo/bench/ChatLoad.java" "http://localhost:$port" - "$clients" hostile "$((seconds + 20))" > "$data/hostile.log" 2>&1 &
        flooder=$!
        if [ -n "${PROFILE:-}" ]; then
            jcmd "$jvm" JFR.start name=abuse settings=profile duration="${seconds}s" filename="$PROFILE" >/dev/null
        fi
    fi
    while kill -0 $normal 2>/dev/null; do
        used=$(heap_now)
        [ "${used:-0}" -gt "$peak" ] && peak=$used
        sleep 2
    done
    [ -z "$flooder" ] || wait $flooder
    echo "$label: $(cat "$data/normal.log")"
    [ -z "$flooder" ] || sed 's/^/    /' "$data/hostile.log"
    echo "    heap: at most ${peak}K in use while it ran, $(heap_used)K after a full GC"
}

measure "normal load alone" no
measure "normal load with $clients hostile clients" yes
