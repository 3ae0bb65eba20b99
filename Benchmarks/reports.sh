#!/usr/bin/env bash
# Annual reports from the records (issue 6): N applications (default 1,000,000) across the demo district on SQLite;
# the time to generate one agency's report and the district roll-up, end to end through the CLI (process start,
# opening and checking the database included). Measured and printed, never asserted.
# Usage: Benchmarks/reports.sh [APPLICATIONS] [YEAR]; GONGKAI_BENCH_APPS_DB=/path keeps and reuses the database.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000000}
YEAR=${2:-2024}
swift build -c release --product gongkai >/dev/null
BIN=.build/release/gongkai
WORK=$(mktemp -d /tmp/gongkai-reports.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
DB=${GONGKAI_BENCH_APPS_DB:-$WORK/apps.sqlite}
if [ -f "$DB" ]; then
  echo "== reusing $DB"
else
  echo "== generating $COUNT applications into $DB"
  /usr/bin/time -f "generated in %e s" "$BIN" demo generate --applications "$COUNT" --database "$DB" 2>&1 | grep -v " info " | tail -2
fi
echo "== rows for $YEAR: $(sqlite3 "$DB" "SELECT COUNT(*) FROM applications WHERE received_on LIKE '$YEAR-%'") received that year"
for run in 1 2 3; do
  /usr/bin/time -f "one agency's report (联芳街道, $YEAR): %e s, %M KiB" "$BIN" report generate --agency 11500106009208537T --year "$YEAR" --database "$DB" >/dev/null 2>"$WORK/err" || true
  tail -1 "$WORK/err"
done
for run in 1 2 3; do
  /usr/bin/time -f "district roll-up ($YEAR, every agency): %e s, %M KiB" "$BIN" report rollup --year "$YEAR" --database "$DB" >/dev/null 2>"$WORK/err" || true
  tail -1 "$WORK/err"
done
