#!/usr/bin/env bash
# Copies the screenshots the last test run took (system-tests/target/screenshots/) into docs/screenshots/, where the
# docs show them. Run it on purpose after `./parley test`, look at `git diff --stat docs/screenshots`, and commit what
# you mean to keep; the tests themselves never write into docs/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
taken=$repo/system-tests/target/screenshots
if ! ls "$taken"/*.png >/dev/null 2>&1; then
    echo "No screenshots under $taken: run ./parley test first." >&2
    exit 1
fi
cp "$taken"/*.png "$repo/docs/screenshots/"
echo "Copied $(ls "$taken"/*.png | wc -l) screenshots into docs/screenshots/."
