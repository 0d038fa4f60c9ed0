#!/usr/bin/env bash
# The widget's weight and the launcher's first paint (see bench/README.md for results): the gzipped size of each file
# a visitor's browser loads, then RUNS cold loads of the demo page in Debian's Chromium (Playwright, as the browser tests
# drive it), each in a new browser context, timing when the launcher is first painted.
# Needs a build (./parley test or mvn -DskipTests install) and Chromium at /usr/bin/chromium.
# Usage: bench/widget-weight.sh [RUNS]   (default 30)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-30}
widget=$repo/widget-ui/target/classes/META-INF/resources/widget
[ -f "$widget/parley.js" ] || { echo "No widget build in $widget: build first (mvn -DskipTests install)." >&2; exit 2; }

gz() { gzip -9 -c "$1" | wc -c; }
frame_js=$(ls "$widget"/assets/frame-*.js)
loader=$(gz "$widget/parley.js")
module=$(gz "$widget/parley.es.js")
page=$(gz "$widget/frame.html")
chat=$(gz "$frame_js")
echo "gzipped bytes: loader parley.js $loader (raw $(wc -c < "$widget/parley.js")), ES module parley.es.js $module," \
     "chat frame.html $page + $(basename "$frame_js") $chat (raw $(wc -c < "$frame_js")); whole widget $((loader + page + chat))"

source "$repo/bench/parley-on-mariadb.sh"
classpath=$(mktemp)
mvn -B -q -o -f "$repo/system-tests/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >/dev/null
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "$(cat "$classpath")" "$repo/bench/WidgetPaint.java" "http://localhost:$port/" "$runs"
rm -f "$classpath"
