#!/usr/bin/env bash
# The console with a full inbox (see bench/README.md for results): starts Parley on the embedded H2 in a temporary
# folder, seeds CONVERSATIONS visitors over /ws/chat, then in Debian's Chromium (Playwright, as the browser tests drive
# it) times RUNS cold sign-ins from "Sign in" to the inbox's first conversation, and scrolls the "All" view's list down
# and back for SECONDS while the visitors send 20 messages a second, counting frames, long tasks, rows and the JS heap.
# Needs a build (mvn -DskipTests install) and Chromium at /usr/bin/chromium.
# Usage: bench/console-inbox.sh [RUNS] [SECONDS] [CONVERSATIONS]   (defaults: 20 20 1000)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
seconds=${2:-20}
conversations=${3:-1000}
# Each seeded visitor comes from an address of its own (X-Forwarded-For, the loopback trusted as a proxy), so the abuse
# limits keep their defaults and see one visitor each. Requests for a person must stay queued for the whole run rather
# than go back to the assistant after the visitor's 3-minute countdown.
export TRUSTED_PROXIES=127.0.0.1 PARLEY_ROUTING_REQUEST_TIMEOUT_SECONDS=86400
source "$repo/bench/parley-on-h2.sh"

echo "measuring $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- . ':!bench' || echo ' (with changes)')" \
     "in $(/usr/bin/chromium --version 2>/dev/null), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -o -f "$repo/system-tests/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$data/classpath" \
    >/dev/null 2>"$data/mvn.log" || { cat "$data/mvn.log" >&2; exit 1; }
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "$(cat "$data/classpath")" "$repo/bench/ConsoleInbox.java" \
    "http://localhost:$port" "$PARLEY_ADMIN_EMAIL" "$PARLEY_ADMIN_PASSWORD" "$conversations" "$runs" "$seconds"
