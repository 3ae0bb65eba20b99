#!/usr/bin/env bash
# The API against its OpenAPI document: schemathesis (PyPI, into a virtual environment under .build) runs every
# operation of /api/v1/openapi.json against the demo server on loopback — public operations, and staff operations with
# an officer's token — with deterministic generation and a capped number of examples, so a run is repeatable. Requests
# the document allows and requests it does not are both sent. It fails on any server error, any answer that breaks the
# document (status, content type, schema), any schema-valid request refused with a 400, any request outside the
# document accepted, and any method an address does not take answered otherwise than 405. Run after `swift build`: `bash Tests/API/run.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=.build/api-venv
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c "import schemathesis" 2>/dev/null || "$VENV/bin/pip" install -q "schemathesis==4.*"

WORK=$(mktemp -d /tmp/gongkai-api.XXXXXX)
BIN="$(swift build --show-bin-path)/gongkai"
source Tests/serve.sh
gongkai_serve "$BIN" "$WORK/server.log" --demo --database "$WORK/demo.sqlite" --calendar-file "$WORK/calendar.json"
SERVER=$SERVER_PID
trap 'kill $SERVER 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$SERVER_PORT"

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
  --mode all --generation-deterministic --max-examples 100 --workers 1 --phases examples,coverage,fuzzing \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,positive_data_acceptance,negative_data_rejection,unsupported_method \
  -H "Authorization: Bearer $TOKEN" --no-color
kill -0 $SERVER || { echo "the server died:"; tail -50 "$WORK/server.log"; exit 1; }
echo "api: schemathesis found no server error, no answer outside the document, no valid request refused and no invalid one accepted"
