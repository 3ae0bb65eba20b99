# Sourced by the test scripts that need a live server (Tests/Browser/run.sh, Tests/API/run.sh,
# Tests/Deploy/behind_nginx.sh): one way to start it and learn its port.
#
#   gongkai_serve BINARY LOG [serve options…]
# starts `BINARY serve --port 0 [options…]` on SQLite (DATABASE_URL unset), its output in LOG, and waits until it
# says where it serves. Sets SERVER_PID (the server itself, for a trap to stop) and SERVER_PORT; when the server does
# not start within two minutes, or dies first, prints its log, stops it, and fails.
gongkai_serve() {
  local bin=$1 log=$2
  shift 2
  env -u DATABASE_URL "$bin" serve --port 0 "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  SERVER_PORT=
  for _ in $(seq 1 120); do
    SERVER_PORT=$(sed -n 's|.*Gongkai is serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
    [ -n "$SERVER_PORT" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 1
  done
  echo "the server did not start ($log):"
  cat "$log"
  kill "$SERVER_PID" 2>/dev/null || true
  return 1
}
