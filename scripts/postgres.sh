#!/usr/bin/env bash
# A throw-away PostgreSQL for Sandik's tests, listening on 127.0.0.1 only.
#
#   scripts/postgres.sh start   starts it (or finds it running) and prints `export SANDIK_TEST_POSTGRES=...`
#                               so that `eval "$(scripts/postgres.sh start)"` sets up the shell
#   scripts/postgres.sh url     prints the connection string of the running server
#   scripts/postgres.sh restart restarts it in place, cutting open connections (for failover tests)
#   scripts/postgres.sh stop    stops it and deletes its data
#
# The port is SANDIK_POSTGRES_PORT (default 55432), or the next free one. The data lives in a temporary
# directory; the state file under ${TMPDIR:-/tmp} lets `url` and `stop` find it again.
set -euo pipefail

# One server per checkout: two checkouts on one machine (or two test runs) never stop each other's server.
# SANDIK_POSTGRES_INSTANCE names another server of the same checkout (a test that restarts its own server uses one,
# so that the tests sharing the main server are not cut off).
CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_FILE="${TMPDIR:-/tmp}/sandik-postgres-$(printf '%s' "$CHECKOUT${SANDIK_POSTGRES_INSTANCE:+ $SANDIK_POSTGRES_INSTANCE}" | cksum | cut -d' ' -f1).state"
DEFAULT_PORT="${SANDIK_POSTGRES_PORT:-55432}"
DATABASE="sandik_test"

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

find_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$initdb" ]] && dirname "$initdb"
}

install_postgres() {
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available; install PostgreSQL 15 first."
  say "PostgreSQL not found; installing it with apt-get..."
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; then
    say "install failed; refreshing the package lists and trying again..."
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
  fi
}

# Runs a server binary as the postgres user when we are root (initdb refuses to run as root).
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port=${1:-$DEFAULT_PORT}
  while port_in_use "$port"; do
    port=$((port + 1))
    (( port < DEFAULT_PORT + 100 )) || die "no free port between $DEFAULT_PORT and $port."
  done
  echo "$port"
}

url_of() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=$DATABASE"; }

load_state() {
  [[ -f "$STATE_FILE" ]] || return 1
  # shellcheck source=/dev/null
  source "$STATE_FILE"
  [[ -n "${PGBIN:-}" && -n "${DIR:-}" && -n "${PORT:-}" ]]
}

running() { load_state && as_owner "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; }

start() {
  if running; then
    say "already running on port $PORT (data in $DIR)."
    echo "export SANDIK_TEST_POSTGRES='$(url_of "$PORT")'"
    return
  fi
  if [[ -f "$STATE_FILE" ]]; then
    say "removing stale state from a server that is no longer running."
    load_state && rm -rf "$DIR" || true
    rm -f "$STATE_FILE"
  fi

  PGBIN=$(find_bin || true)
  if [[ -z "$PGBIN" ]]; then
    install_postgres
    PGBIN=$(find_bin || true)
    [[ -n "$PGBIN" ]] || die "installed postgresql, but found no /usr/lib/postgresql/*/bin/initdb."
  fi

  DIR=$(mktemp -d "${TMPDIR:-/tmp}/sandik-postgres.XXXXXX")
  chmod 755 "$DIR"
  if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$DIR"; fi

  say "initialising a cluster in $DIR..."
  as_owner "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed."; }
  # A port free a moment ago can be taken before the server binds it: by another instance starting at the same time,
  # or as the local end of some client's connection (these ports lie in the kernel's ephemeral range). Then the next
  # free port is tried, a few times.
  PORT=$(free_port)
  local attempt
  for attempt in 1 2 3 4 5; do
    say "starting on 127.0.0.1:$PORT..."
    if as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR" start >/dev/null; then
      break
    fi
    if (( attempt == 5 )) || ! grep -q "could not bind\|could not create any TCP/IP sockets" "$DIR/server.log"; then
      cat "$DIR/server.log" >&2
      die "the server did not start (log above)."
    fi
    say "port $PORT was taken meanwhile; trying another."
    PORT=$(free_port $((PORT + 1)))
  done
  printf 'PGBIN=%q\nDIR=%q\nPORT=%q\n' "$PGBIN" "$DIR" "$PORT" >"$STATE_FILE"

  "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "create database $DATABASE;" >&2 || die "could not create database $DATABASE."
  say "ready."
  echo "export SANDIK_TEST_POSTGRES='$(url_of "$PORT")'"
}

stop() {
  if ! load_state; then
    say "not running (no state in $STATE_FILE)."
    return
  fi
  if as_owner "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    say "stopped the server on port $PORT."
  else
    say "the server on port $PORT was not running."
  fi
  rm -rf "$DIR" "$STATE_FILE"
}

# Restarts the running server in place (fast shutdown: open connections are cut), as a failover would.
restart() {
  running || die "not running; start it with: scripts/postgres.sh start"
  as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -m fast -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR" restart >/dev/null \
    || { cat "$DIR/server.log" >&2; die "the server did not come back (log above)."; }
  say "restarted on port $PORT."
}

url() {
  running || die "not running; start it with: scripts/postgres.sh start"
  url_of "$PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  restart) restart ;;
  *) die "usage: scripts/postgres.sh start|stop|restart|url" ;;
esac
