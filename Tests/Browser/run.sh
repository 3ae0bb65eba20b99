#!/usr/bin/env bash
# The browser journeys against a real server: Debian's chromium and chromium-driver (and fonts-noto-cjk, so that
# screenshots and PDFs show Chinese, and poppler-utils to read the printed PDF) are installed when missing; Python's
# selenium goes into a virtual environment under .build. Run after `swift build`: `bash Tests/Browser/run.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null \
    || ! ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-noto-cjk poppler-utils >/dev/null
fi
VENV=.build/browser-venv
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c "import selenium, axe_core_python" 2>/dev/null || "$VENV/bin/pip" install -q selenium axe-core-python

WORK=$(mktemp -d /tmp/gongkai-browser.XXXXXX)
SHOTS=${GONGKAI_SCREENSHOTS:-$WORK/screenshots}
BIN="$(swift build --show-bin-path)/gongkai"
source Tests/serve.sh
gongkai_serve "$BIN" "$WORK/server.log" --demo --database "$WORK/demo.sqlite" --calendar-file "$WORK/calendar.json"
SERVER=$SERVER_PID PORT=$SERVER_PORT
trap 'kill $SERVER 2>/dev/null || true' EXIT

for journeys in Tests/Browser/issue10_journeys.py Tests/Browser/issue12_journeys.py Tests/Browser/resident_journey.py Tests/Browser/office_journey.py \
  Tests/Browser/english_journey.py Tests/Browser/issue13_journeys.py Tests/Browser/issue16_journeys.py Tests/Browser/issue17_journeys.py; do
  "$VENV/bin/python" "$journeys" "http://127.0.0.1:$PORT" "$WORK/server.log" "$SHOTS"
done
kill -0 $SERVER || { echo "the server died:"; tail -50 "$WORK/server.log"; exit 1; }

# Issue 15: day one without the demo — the operator's commands on a new database, then the server on it.
DAY1="$WORK/day-one"; FIX=Tests/Fixtures/day-one; DB="$DAY1/gongkai.sqlite"; mkdir -p "$DAY1"
gk() { env -u DATABASE_URL "$BIN" "$@"; }
gk setup --database "$DB" --site-name 重庆市九龙坡区政府信息公开平台 --agency-name 重庆市九龙坡区人民政府 \
  --agency-code 11500107MB1502143H --agency-kind district-government --username jlp-admin --display-name 王管理 </dev/null >"$DAY1/setup.log"
printf '  jlp-admin %s\n' "$(sed -n 's/^password of jlp-admin (shown this once): //p' "$DAY1/setup.log")" >"$DAY1/accounts.txt"
gk agency import "$FIX/agencies.csv" --database "$DB"
gk item import "$FIX/items.csv" --agency 11500107MB1502151C --attachments "$FIX/files" --database "$DB"
gk application import "$FIX/ledger.csv" --agency 11500107MB1502151C --database "$DB"
gk verify --database "$DB"
gongkai_serve "$BIN" "$DAY1/server.log" --database "$DB" --calendar-file "$WORK/calendar.json"
DAY1_SERVER=$SERVER_PID DAY1_PORT=$SERVER_PORT
trap 'kill $SERVER $DAY1_SERVER 2>/dev/null || true' EXIT
"$VENV/bin/python" Tests/Browser/dayone_journey.py "http://127.0.0.1:$DAY1_PORT" "$DAY1/accounts.txt" "$SHOTS" "$FIX"
# The same agency behind nginx with HTTPS, as deploy/nginx-gongkai.conf sets it up, on a backup of its database.
gk backup "$DAY1/nginx.sqlite" --database "$DB"
bash Tests/Deploy/behind_nginx.sh "$BIN" "$DAY1/nginx.sqlite" "$DAY1/nginx"
echo "screenshots:"; ls "$SHOTS"
