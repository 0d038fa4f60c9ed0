#!/usr/bin/env bash
# Match time of the auto-reply engine with N canned responses (see bench/README.md for results).
# Usage: bench/auto-reply.sh [N]   (default 10000)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mvn -B -q -f "$repo/pom.xml" -DskipTests -pl ejb -am compile
java -Xmx512m -cp "$repo/ejb/target/classes" "$repo/bench/AutoReplyBench.java" "${1:-10000}"
