#!/usr/bin/env bash
# What the relay adds to an LLM's first words (see bench/README.md for results): starts Parley on MariaDB, points its
# LLM fleet at the stub provider inside bench/StreamRelayBench.java, and has SESSIONS visitors ask QUESTIONS each.
# Usage: [WARM_UP=200] bench/stream-relay.sh [SESSIONS] [QUESTIONS]   (defaults: 4 250)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sessions=${1:-4}
questions=${2:-250}
source "$repo/bench/parley-on-mariadb.sh"
admin=$(login "$PARLEY_ADMIN_EMAIL" "$PARLEY_ADMIN_PASSWORD")
stub_port=$((port + 1))
# a discarded warm-up first, so that the JIT has compiled the path (see chat-load.sh)
if [ "${WARM_UP:-200}" -gt 0 ]; then
    echo "warm-up (discarded): $(java "$repo/bench/StreamRelayBench.java" "http://localhost:$port" "$admin" "$stub_port" 2 "${WARM_UP:-200}")"
fi
java "$repo/bench/StreamRelayBench.java" "http://localhost:$port" "$admin" "$stub_port" "$sessions" "$questions"
