#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback (TLS on, with a self-signed certificate in
# $PROCURA_PG_DIR/server.crt) for the storage conformance tests and prints the URL to use (the
# last line of standard output), e.g.
#   export PROCURA_TEST_POSTGRES_URL="$(bash .ci/postgres.sh | tail -n 1)"
# Installs Debian's postgresql package when the server binaries are missing. Runs the server as
# the unprivileged `postgres` user (initdb refuses root) in a fresh data folder under /tmp.
# Environment: PROCURA_PG_PORT (default 54329), PROCURA_PG_DIR (default /tmp/procura-pg).
set -euo pipefail

port="${PROCURA_PG_PORT:-54329}"
dir="${PROCURA_PG_DIR:-/tmp/procura-pg}"

find_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

bin="$(find_bin || true)"
if [ -z "$bin" ]; then
  echo "== installing postgresql (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi

run_as() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A server of an earlier run on the same port: stop it and start afresh.
if [ -f "$dir/postmaster.pid" ]; then
  run_as "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = "0" ] && chown postgres "$dir"
run_as "$bin/initdb" -D "$dir" -U procura --auth=trust --encoding=UTF8 --no-locale >/dev/null
# TLS: a self-signed certificate for 127.0.0.1 and localhost, so the tests can connect with every
# sslmode (the certificate, $dir/server.crt, is the CA that sslmode=verify-full checks against).
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$dir/server.key" -out "$dir/server.crt" >/dev/null 2>&1
chmod 600 "$dir/server.key"
[ "$(id -u)" = "0" ] && chown postgres "$dir/server.key" "$dir/server.crt"
run_as "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=100 -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key" start >/dev/null
run_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U procura procura_test
echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir; stop with: $bin/pg_ctl -D $dir stop)" >&2
echo "postgres://procura:procura@127.0.0.1:$port/procura_test"
