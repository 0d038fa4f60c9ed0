#!/usr/bin/env bash
# Importing canned responses from an Excel workbook (see bench/README.md for results): starts Parley on the embedded H2
# in a temporary folder, builds a workbook of ROWS rows with Apache POI (bench/CannedImport.java, run on the system
# tests' class path, which has POI), then times RUNS previews and commits of it over HTTP, and one import that updates
# every row. Needs a build (mvn -DskipTests install).
# Usage: bench/canned-import.sh [ROWS] [RUNS]   (defaults: 10000 5)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-10000}
runs=${2:-5}
# the import's row limit above what is measured
export PARLEY_AUTOREPLY_MAX_IMPORT_ROWS=$(( rows > 20000 ? rows : 20000 ))
source "$repo/bench/parley-on-h2.sh"

echo "measuring $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- . ':!bench' || echo ' (with changes)')" \
     "on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -o -f "$repo/system-tests/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$data/classpath" \
    >/dev/null 2>"$data/mvn.log" || { cat "$data/mvn.log" >&2; exit 1; }
java -cp "$(cat "$data/classpath")" "$repo/bench/CannedImport.java" \
    "http://localhost:$port" "$PARLEY_ADMIN_EMAIL" "$PARLEY_ADMIN_PASSWORD" "$rows" "$runs"
