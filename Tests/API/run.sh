#!/usr/bin/env bash
# The API against its OpenAPI document: schemathesis (PyPI, into a virtual environment under .build) runs every
# operation of /api/v1/openapi.json against the demo server on loopback — public operations, and staff operations with
# an officer's token — with deterministic generation and a capped number of examples, so a run is repeatable. It fails
# on any server error, any answer that breaks the document (status, content type, schema), and any schema-valid
# request refused with a 400. Run after `swift build`: `bash Tests/API/run.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=.build/api-venv
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c "import schemathesis" 2>/dev/null || "$VENV/bin/pip" install -q "schemathesis==4.*"

WORK=$(mktemp -d /tmp/gongkai-api.XXXXXX)
BIN="$(swift build --show-bin-path)/gongkai"
env -u DATABASE_URL "$BIN" serve --demo --port 0 --database "$WORK/demo.sqlite" --calendar-file "$WORK/calendar.json" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q "Gongkai is serving" "$WORK/server.log" && break; sleep 1; done
PORT=$(sed -n 's|.*Gongkai is serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/server.log")
[ -n "$PORT" ] || { echo "the server did not start:"; cat "$WORK/server.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"

TOKEN=$("$VENV/bin/python" Tests/API/issue_token.py "$BASE" "$WORK/server.log" lianfang-officer)
# Real records to reach past the 404s: 联芳街道's code, one of its published items, an application registered now.
ITEM=$(curl -sf "$BASE/api/v1/items?agency=11500106009208537T" | "$VENV/bin/python" -c "import json,sys; print(json.load(sys.stdin)['items'][0]['id'])")
APPLICATION=$(curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" "$BASE/api/v1/applications" \
  -d '{"applicantType":"natural-person","name":"接口测试","idType":"passport","idNumber":"E12345678","phone":"13800000000","formWanted":"electronic","delivery":"email","email":"test@example.com","infoTitle":"接口测试所需信息","channel":"in-person","receivedOn":"'"$(date +%F)"'"}' \
  | "$VENV/bin/python" -c "import json,sys; print(json.load(sys.stdin)['id'])")
CONFIG="$WORK/schemathesis.toml"
cp Tests/API/schemathesis.toml "$CONFIG"
cat >>"$CONFIG" <<TOML

[parameters]
code = "11500106009208537T"

[[operations]]
include-path-regex = "^/api/v1/items/"
parameters = { id = "$ITEM" }

[[operations]]
include-path-regex = "^/api/v1/applications/"
parameters = { id = "$APPLICATION" }
TOML
"$VENV/bin/schemathesis" --config-file "$CONFIG" run "$BASE/api/v1/openapi.json" --url "$BASE" \
  --mode positive --generation-deterministic --max-examples 100 --workers 1 --phases examples,coverage,fuzzing \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,positive_data_acceptance \
  -H "Authorization: Bearer $TOKEN" --no-color
kill -0 $SERVER || { echo "the server died:"; tail -50 "$WORK/server.log"; exit 1; }
echo "api: schemathesis found no server error, no answer outside the document and no schema-valid request refused with 400"
