#!/usr/bin/env bash
# Portal benchmark (issue 4): N items (default 1,000,000) on SQLite, measured with wrk on loopback.
# Measured and printed, never asserted. Usage: Benchmarks/portal.sh [ITEMS] [PORT]
# GONGKAI_BENCH_DB=/path/bench.sqlite keeps the generated database there and reuses it when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${1:-1000000}
PORT=${2:-8190}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 2; }
swift build -c release --product gongkai >/dev/null
BIN=.build/release/gongkai
WORK=$(mktemp -d /tmp/gongkai-bench.XXXXXX)
DB=${GONGKAI_BENCH_DB:-$WORK/bench.sqlite}
if [ -f "$DB" ]; then
  echo "== reusing $DB"
else
  echo "== generating $ITEMS items into $DB"
  /usr/bin/time -f "generated and indexed in %e s" "$BIN" demo generate --items "$ITEMS" --database "$DB" 2>&1 | grep -v " info " | tail -3
fi
"$BIN" serve --database "$DB" --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
CODE=11500106009208537T
ITEM=$(curl -s "http://127.0.0.1:$PORT/api/v1/items?agency=$CODE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
run() { # name, path, connections, seconds
  echo "== $1 ($3 connections, $4 s): $2"
  wrk -t2 -c"$3" -d"$4"s --latency "http://127.0.0.1:$PORT$2" | grep -E "Requests/sec|^ +50%|^ +99%|Non-2xx|Socket errors" | sed 's/^/   /'
}
run "item page" "/a/$CODE/items/$ITEM" 64 15
run "catalogue page" "/a/$CODE/catalogue?page=3" 64 15
run "search, 1 character (保)" "/search?q=%E4%BF%9D" 4 15
run "search, 2 characters (低保)" "/search?q=%E4%BD%8E%E4%BF%9D" 4 15
run "search, 4 characters (临时救助)" "/search?q=%E4%B8%B4%E6%97%B6%E6%95%91%E5%8A%A9" 4 15
run "search, 2 characters, one agency and year" "/search?q=%E4%BD%8E%E4%BF%9D&agency=$CODE&year=2024" 4 15
run "API search (JSON)" "/api/v1/search?q=%E4%BD%8E%E4%BF%9D" 4 15
echo "== server memory: $(ps -o rss= -p $SERVER | awk '{printf "%.0f MiB", $1/1024}') resident"
