#!/usr/bin/env bash
# Does a failed sign-in take as long for an unknown email as for a known email with a wrong password?
# (If not, response times would tell an attacker which emails have accounts.)
# Starts Parley on the embedded H2 in a temporary folder, signs in ROUNDS times each way, alternating,
# and prints the medians and the spread. Usage: bench/login-timing.sh [ROUNDS]   (default 40)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-40}
# the throttle would answer 429 long before the rounds are done; timing is what is measured here
export PARLEY_AUTH_MAX_FAILURES_PER_EMAIL=1000000 PARLEY_AUTH_MAX_FAILURES_PER_ADDRESS=1000000
source "$repo/bench/parley-on-h2.sh"

attempt() {
    curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://localhost:$port/api/auth/login" \
        -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"wrong password here\"}"
}
for _ in 1 2 3 4 5; do attempt "$PARLEY_ADMIN_EMAIL" >/dev/null; done   # warm-up
: > "$data/unknown"; : > "$data/known"
for i in $(seq "$rounds"); do
    attempt "nobody$i@example.com" >> "$data/unknown"
    attempt "$PARLEY_ADMIN_EMAIL" >> "$data/known"
done

summary() {
    sort -n "$1" | awk '{ v[NR] = $1 } END { printf "median %.1f ms, p10 %.1f ms, p90 %.1f ms (n=%d)\n",
        v[int(NR/2)+1]*1000, v[int(NR*0.1)+1]*1000, v[int(NR*0.9)]*1000, NR }'
}
echo "unknown email:              $(summary "$data/unknown")"
echo "known email, wrong password: $(summary "$data/known")"
