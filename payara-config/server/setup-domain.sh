#!/usr/bin/env bash
# Creates and starts a Payara Server domain ready for parley.ear: an admin user with a password, HTTP listeners that do
# not name the server (payara-config/http-listener.asadmin), the MySQL driver, the connection pool and the JDBC resource
# jdbc/parley (payara-config/datasource-mysql.asadmin). Then deploy with
#   $PAYARA_HOME/bin/asadmin --port ADMIN_PORT --user admin --passwordfile FILE deploy ear/target/parley.ear
# where FILE holds the line AS_ADMIN_PASSWORD=<the admin password> and is readable by its owner only.
#
# Usage:   setup-domain.sh DOMAIN [PORTBASE]     (PORTBASE 8000: HTTP 8080, admin 8048)
# Needs:   PAYARA_HOME  the unpacked Payara Server (the folder with bin/asadmin)
#          DB_URL       jdbc:mysql://HOST:3306/DATABASE, and DB_USER, DB_PASSWORD (may be empty)
# Optional: PAYARA_ADMIN_PASSWORD  the password of the domain's admin user "admin", without spaces (asadmin cannot take
#          them); without it one is generated and printed once, here (keep it: nothing else shows it again). A domain
#          never goes without an admin password.
# The pool reads DB_* from the environment of the server process at run time, so they are set when the domain
# starts (restart-domain keeps the environment it started with; to change them, stop-domain and start-domain).
set -euo pipefail

domain=${1:?usage: setup-domain.sh DOMAIN [PORTBASE]}
portbase=${2:-8000}
: "${PAYARA_HOME:?PAYARA_HOME must name the unpacked Payara Server}"
: "${DB_URL:?DB_URL must name the MySQL/MariaDB database}"
: "${DB_USER:?DB_USER must be set}"
export DB_PASSWORD=${DB_PASSWORD:-}

config_dir=$(cd "$(dirname "$0")/.." && pwd)
driver=$config_dir/target/mysql-connector-j.jar
[ -f "$driver" ] || { echo "Missing $driver: build payara-config first (mvn -pl payara-config package)" >&2; exit 2; }

generated=""
if [ -z "${PAYARA_ADMIN_PASSWORD:-}" ]; then
    PAYARA_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
    generated=yes
fi
# asadmin takes passwords from a file only; this one lives as long as the script
password_file=$(mktemp)
trap 'rm -f "$password_file"' EXIT
chmod 600 "$password_file"
printf 'AS_ADMIN_PASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" > "$password_file"

asadmin=$PAYARA_HOME/bin/asadmin
admin=(--port $((portbase + 48)) --user admin --passwordfile "$password_file")

"$asadmin" --user admin --passwordfile "$password_file" create-domain --portbase "$portbase" "$domain"
if [ -n "$generated" ]; then
    echo "The domain $domain's admin user is 'admin' with the password $PAYARA_ADMIN_PASSWORD - keep it (it is not shown again)."
fi
"$asadmin" start-domain "$domain"
"$asadmin" "${admin[@]}" add-library --type common "$driver"
# before the restart: changed on a running domain, the listeners are rebuilt on the fly, and now and then one did not
# come back (Payara then logs "GrizzlyProxy is NULL" at deployment and the port stays closed)
"$asadmin" "${admin[@]}" multimode --file "$config_dir/http-listener.asadmin"
# the admin console is no part of Parley: its listeners keep Payara's X-Frame-Options, which the file above turned off
"$asadmin" "${admin[@]}" set 'configs.config.*.network-config.protocols.protocol.*admin-listener.http.xframe-options=true'
"$asadmin" "${admin[@]}" restart-domain "$domain"
"$asadmin" "${admin[@]}" multimode --file "$config_dir/datasource-mysql.asadmin"
"$asadmin" "${admin[@]}" ping-connection-pool parley-pool
