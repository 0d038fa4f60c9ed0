#!/usr/bin/env bash
# Starts the built Parley war on Payara Micro, in the foreground (Ctrl-C stops it cleanly).
# `./parley run` and the system tests both start Parley through this script.
#
# Environment (all optional):
#   PARLEY_PORT      HTTP port (8080)
#   PARLEY_DATA_DIR  where the embedded database and Payara's working files live (./data)
#   DB_URL           jdbc:h2:... (default: an H2 file in PARLEY_DATA_DIR) or jdbc:mysql://HOST:PORT/DB for MySQL/MariaDB
#   DB_USER, DB_PASSWORD  the database account (the password must not be empty)
#   MASTER_KEY_BASE64  the key that encrypts secrets in the database (`openssl rand -base64 32`); required with
#                    MySQL/MariaDB, created in PARLEY_DATA_DIR for the embedded H2 when not set
#   PARLEY_ADMIN_EMAIL, PARLEY_ADMIN_PASSWORD  the first admin, created when there is no user yet
#   JAVA_OPTS        extra JVM options
# Parley's own settings (CORS_ALLOWED_ORIGINS, FORCE_TLS, ...) come from the environment too: docs/configuration.md.
set -euo pipefail

config_dir=$(cd "$(dirname "$0")/.." && pwd)
repo=$(dirname "$config_dir")
data_dir=$(mkdir -p "${PARLEY_DATA_DIR:-$repo/data}" && cd "${PARLEY_DATA_DIR:-$repo/data}" && pwd)
export PARLEY_DATA_DIR=$data_dir
war=$repo/web/target/parley.war
micro=$config_dir/target/payara-micro.jar
driver=$config_dir/target/mysql-connector-j.jar

for file in "$war" "$micro" "$driver"; do
    [ -f "$file" ] || { echo "Missing $file: build first (./parley run builds it)" >&2; exit 2; }
done

if [ -z "${DB_URL:-}" ]; then
    # the embedded default: a file of its own, reachable only by this process, so a fixed password is enough
    export DB_URL="jdbc:h2:file:$data_dir/parley;MODE=MySQL;DATABASE_TO_LOWER=TRUE"
    export DB_USER=${DB_USER:-parley}
    export DB_PASSWORD=${DB_PASSWORD:-parley}
fi
case "$DB_URL" in
    jdbc:mysql:*) datasource=$config_dir/datasource-mysql.asadmin ;;
    jdbc:h2:*) datasource=$config_dir/datasource-h2.asadmin ;;
    *) echo "DB_URL must start with jdbc:mysql: (MySQL or MariaDB) or jdbc:h2: - it is '$DB_URL'" >&2; exit 2 ;;
esac
if [ "$datasource" = "$config_dir/datasource-mysql.asadmin" ] && [ -z "${MASTER_KEY_BASE64:-}" ]; then
    echo "Parley keeps secrets encrypted in the database and needs a master key with MySQL/MariaDB:" >&2
    echo "create one with 'openssl rand -base64 32', keep it safe, and set it as MASTER_KEY_BASE64 (the same on every node)." >&2
    exit 2
fi
# Payara's connection pool refuses an empty password ("No password credential found"): give the account one.
[ -n "${DB_USER:-}" ] && [ -n "${DB_PASSWORD:-}" ] || { echo "Set DB_USER and DB_PASSWORD (not empty) for $DB_URL" >&2; exit 2; }

# This process runs Parley and nothing else: a setting Parley cannot start with ends it with status 1 and one log line
# naming the setting, instead of a server that says "ready" and serves nothing.
export PARLEY_EXIT_ON_BAD_SETTINGS=${PARLEY_EXIT_ON_BAD_SETTINGS:-true}

# A fresh Payara root on every start: a reused one would redeploy the previous build of the app.
root_dir=$data_dir/payara-micro
rm -rf "$root_dir"

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-} -jar "$micro" \
    --nocluster \
    --port "${PARLEY_PORT:-8080}" \
    --rootdir "$root_dir" \
    --addlibs "$driver" \
    --prebootcommandfile "$config_dir/http-listener.asadmin" \
    --postbootcommandfile "$datasource" \
    --contextroot / \
    --deploy "$war"
