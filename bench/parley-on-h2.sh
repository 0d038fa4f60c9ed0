# What the benchmarks on the embedded database share, sourced by them: starts Parley on the embedded H2 in a temporary
# folder (port $BENCH_PORT, default 18080) with a known first admin, waits until it is ready, and stops it and removes
# the folder when the script exits. Defines: $port $data $server. Settings the caller exported first (PARLEY_*) apply.
# Needs: repo set by the caller.
port=${BENCH_PORT:-18080}
data=$(mktemp -d)
export PARLEY_PORT=$port PARLEY_DATA_DIR=$data
# a password of our own choosing: a generated one would have to be changed at the first sign-in (docs/security.md)
export PARLEY_ADMIN_EMAIL=${PARLEY_ADMIN_EMAIL:-bench@parley.local} PARLEY_ADMIN_PASSWORD=${PARLEY_ADMIN_PASSWORD:-"known passphrase 1234"}

"$repo/payara-config/micro/start-parley.sh" > "$data/server.log" 2>&1 &
server=$!
# (each step may fail - a server that has stopped by itself, its exit status - and must not keep the next from running)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 180); do
    curl -fsS -o /dev/null "http://localhost:$port/health/ready" 2>/dev/null && break
    kill -0 $server 2>/dev/null || break
    sleep 1
done
curl -fsS -o /dev/null "http://localhost:$port/health/ready" || { tail -50 "$data/server.log" >&2; echo "Parley did not get ready" >&2; exit 1; }
