# What the benchmarks share, sourced by them: starts Parley on Payara Micro against a fresh database on the local
# MariaDB (port $BENCH_PORT, default 18090), waits until it is ready, and removes both when the script exits.
# Defines: $repo $port $data $server $jvm, login EMAIL PASSWORD (prints a console token), prepare_chat_load (sets $agent),
# heap_now and heap_used (kilobytes of the server's heap in use now, and after a full collection).
# The loopback is a trusted proxy: the load generators give each visitor an address of its own (X-Forwarded-For), so the
# abuse limits per address (docs/security.md) see one visitor each, as on the internet; the limits keep their defaults
# unless the caller exports PARLEY_LIMITS_* first.
# Needs: repo set by the caller.
port=${BENCH_PORT:-18090}
db=parley_bench_$(date +%s)
password=bench$(openssl rand -hex 8)
data=$(mktemp -d)

mysql -uroot -h127.0.0.1 -e "CREATE DATABASE $db CHARACTER SET utf8mb4; CREATE USER '$db'@'%' IDENTIFIED BY '$password'; GRANT ALL ON $db.* TO '$db'@'%';"
export PARLEY_PORT=$port PARLEY_DATA_DIR=$data DB_URL="jdbc:mysql://127.0.0.1:3306/$db" DB_USER=$db DB_PASSWORD=$password
export MASTER_KEY_BASE64=$(openssl rand -base64 32) PARLEY_ADMIN_EMAIL=bench@parley.local PARLEY_ADMIN_PASSWORD="load test passphrase 1"
export JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" TRUSTED_PROXIES=127.0.0.1
"$repo/payara-config/micro/start-parley.sh" > "$data/server.log" 2>&1 &
server=$!
cleanup() {
    kill $server 2>/dev/null || true
    wait $server 2>/dev/null || true
    mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db; DROP USER IF EXISTS '$db'@'%';"
    rm -rf "$data"
}
trap cleanup EXIT
for _ in $(seq 180); do
    curl -fsS -o /dev/null "http://localhost:$port/health/ready" 2>/dev/null && break
    kill -0 $server 2>/dev/null || break
    sleep 1
done
curl -fsS -o /dev/null "http://localhost:$port/health/ready" || { tail -50 "$data/server.log" >&2; exit 1; }

jvm=$(pgrep -f "payara-micro.jar.*--port $port")

heap_now() {
    jcmd "$jvm" GC.heap_info | sed -nE 's/.*total [0-9]+K, used ([0-9]+)K.*/\1/p' | head -1
}

heap_used() {
    jcmd "$jvm" GC.run >/dev/null
    sleep 2
    heap_now
}

login() {
    curl -fsS -X POST "http://localhost:$port/api/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# For bench/ChatLoad.java: lets visitors ask for a person before writing anything (a desk setting; by default they must
# write first), so that the load generator's sessions wait for a person, the assistant stays quiet and every message goes
# visitor -> database -> agent; signs the bench's agent in ($agent); and runs a discarded warm-up of WARM_UP seconds
# (default 150): Payara's code takes minutes of load before the JIT has compiled it (its compiler threads take most of
# a core meanwhile), and the runs after it should measure the server as it runs for days.
prepare_chat_load() {
    local admin settings
    admin=$(login "$PARLEY_ADMIN_EMAIL" "$PARLEY_ADMIN_PASSWORD")
    settings=$(curl -fsS "http://localhost:$port/api/admin/settings" -H "Authorization: Bearer $admin")
    curl -fsS -o /dev/null -X PUT "http://localhost:$port/api/admin/settings" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d "$(echo "$settings" | sed 's/"requestsBeforeMessage":false/"requestsBeforeMessage":true/')"
    curl -fsS -o /dev/null -X POST "http://localhost:$port/api/auth/signup" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d '{"email":"agent@bench.local","name":"Bench Agent","password":"relay check passphrase","roles":["agent"]}'
    agent=$(login agent@bench.local "relay check passphrase")
    if [ "${WARM_UP:-150}" -gt 0 ]; then
        echo "warm-up (discarded): $(java "$repo/bench/ChatLoad.java" "http://localhost:$port" "$agent" 200 100 "${WARM_UP:-150}")"
    fi
}
