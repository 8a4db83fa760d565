#!/usr/bin/env bash
# A throw-away Redis for the tests of several Sandik nodes, listening on 127.0.0.1 only, keeping nothing on disk.
#
#   scripts/redis.sh start   starts it (or finds it running) and prints `export SANDIK_TEST_REDIS=127.0.0.1:PORT`
#                            so that `eval "$(scripts/redis.sh start)"` sets up the shell
#   scripts/redis.sh stop    stops it
#
# The port is SANDIK_REDIS_PORT (default 56379), or the next free one. One server per checkout, found again through
# a state file under ${TMPDIR:-/tmp}.
set -euo pipefail

CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_FILE="${TMPDIR:-/tmp}/sandik-redis-$(printf '%s' "$CHECKOUT" | cksum | cut -d' ' -f1).state"
DEFAULT_PORT="${SANDIK_REDIS_PORT:-56379}"

say() { echo "redis.sh: $*" >&2; }
die() { say "$*"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

answers() { [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == "PONG" ]]; }

install_redis() {
  command -v apt-get >/dev/null || die "Redis is not installed and apt-get is not available; install redis-server first."
  say "Redis not found; installing it with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q redis-server >&2; then
    say "install failed; refreshing the package lists and trying again..."
    apt-get update -q >&2
    apt-get install -y -q redis-server >&2
  fi
  # The package may start its own service on 6379; Sandik's tests use a server of their own.
  command -v redis-server >/dev/null || die "installed redis-server, but it is not on PATH."
}

start() {
  if [[ -f "$STATE_FILE" ]]; then
    # shellcheck source=/dev/null
    source "$STATE_FILE"
    if answers "$PORT"; then
      say "already running on port $PORT."
      echo "export SANDIK_TEST_REDIS='127.0.0.1:$PORT'"
      return
    fi
    rm -rf "${DIR:-}" "$STATE_FILE"
  fi
  command -v redis-server >/dev/null || install_redis
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/sandik-redis.XXXXXX")
  PORT=$DEFAULT_PORT
  local attempt
  for attempt in 1 2 3 4 5; do
    while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
    say "starting on 127.0.0.1:$PORT..."
    redis-server --bind 127.0.0.1 --port "$PORT" --save '' --appendonly no --daemonize yes \
      --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" >&2 || true
    local waited
    for waited in $(seq 1 50); do
      answers "$PORT" && break
      sleep 0.1
    done
    if answers "$PORT"; then break; fi
    (( attempt < 5 )) || { cat "$DIR/redis.log" >&2 || true; die "the server did not start (log above)."; }
    say "port $PORT was taken meanwhile; trying another."
    PORT=$((PORT + 1))
  done
  printf 'DIR=%q\nPORT=%q\n' "$DIR" "$PORT" >"$STATE_FILE"
  say "ready."
  echo "export SANDIK_TEST_REDIS='127.0.0.1:$PORT'"
}

stop() {
  [[ -f "$STATE_FILE" ]] || { say "not running (no state in $STATE_FILE)."; return; }
  # shellcheck source=/dev/null
  source "$STATE_FILE"
  if answers "$PORT"; then
    redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
    say "stopped the server on port $PORT."
  fi
  rm -rf "$DIR" "$STATE_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: scripts/redis.sh start|stop" ;;
esac
