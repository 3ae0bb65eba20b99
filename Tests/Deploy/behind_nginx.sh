#!/usr/bin/env bash
# Issue 15: Gongkai behind nginx with HTTPS, as deploy/nginx-gongkai.conf sets it up, checked over real sockets.
# nginx (Debian's, installed when missing) runs the repository's configuration with a self-signed certificate on
# 127.0.0.2; the client connects from 127.0.0.3, so the address Gongkai must see is not nginx's own.
#   bash Tests/Deploy/behind_nginx.sh GONGKAI_BINARY SETUP_DATABASE WORK_DIR
set -euo pipefail
BIN=$1 DB=$2 WORK=$3
mkdir -p "$WORK/ssl"
if ! command -v nginx >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/ssl/privkey.pem" -out "$WORK/ssl/fullchain.pem" -days 2 \
  -subj "/CN=gk.example.gov.cn" 2>/dev/null
HOST=gk.example.gov.cn
source "$(dirname "$0")/../serve.sh"
export PUBLIC_URL=https://$HOST:18443 TRUSTED_PROXIES=127.0.0.1
gongkai_serve "$BIN" "$WORK/server.log" --database "$DB" --calendar-file "$WORK/calendar.json"
SERVER=$SERVER_PID PORT=$SERVER_PORT
trap 'kill $SERVER 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true' EXIT
sed -e "s|/etc/ssl/gk.example.gov.cn|$WORK/ssl|g" -e 's|listen 80;|listen 127.0.0.2:18081;|' \
  -e 's|listen 443 ssl http2;|listen 127.0.0.2:18443 ssl http2;|' -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$PORT;|" \
  deploy/nginx-gongkai.conf >"$WORK/site.conf"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 64; }
http {
    access_log $WORK/access.log;
    client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fcgi; uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
    include $WORK/site.conf;
}
CONF
nginx -t -c "$WORK/nginx.conf" 2>/dev/null
nginx -c "$WORK/nginx.conf"
C=(curl -s -k --resolve "$HOST:18443:127.0.0.2" --resolve "$HOST:18081:127.0.0.2" --interface 127.0.0.3)
fail() { echo "behind nginx: $1"; exit 1; }

"${C[@]}" -D "$WORK/home.h" -o /dev/null "https://$HOST:18443/"
grep -q "^HTTP/2 200" "$WORK/home.h" || fail "the home page is not 200 over HTTP/2: $(head -1 "$WORK/home.h")"
grep -qi "^strict-transport-security: max-age" "$WORK/home.h" || fail "no HSTS over HTTPS"
"${C[@]}" "https://$HOST:18443/sitemap.xml" | grep -q "<loc>https://$HOST:18443/</loc>" || fail "the sitemap does not link the public address"
[ "$("${C[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://$HOST:18081/a/x")" = "301 https://$HOST/a/x" ] || fail "plain HTTP is not sent to HTTPS"
"${C[@]}" -D "$WORK/login.h" -c "$WORK/jar" -o "$WORK/login.html" "https://$HOST:18443/staff/login"
grep -i "^set-cookie: gongkai-csrf=" "$WORK/login.h" | grep -qi "; Secure" || fail "the sign-in cookie is not Secure over HTTPS"
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//;s/"//')
# A client that writes its own X-Forwarded-For is not believed: the failure counts against its real address.
for _ in 1 2; do
  "${C[@]}" -b "$WORK/jar" -o /dev/null -H "X-Forwarded-For: 203.0.113.9" --data-urlencode username=nobody-here \
    --data-urlencode password=wrong-password-1 --data-urlencode "_csrf=$TOKEN" "https://$HOST:18443/staff/login"
done
python3 - "$DB" <<'PY'
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT address, failures FROM sign_in_throttles WHERE username = 'nobody-here'").fetchall()
assert rows == [("127.0.0.3", 2)], f"sign-in failures were counted against {rows}, not the client's own address 127.0.0.3"
PY
echo "behind nginx: ok (HTTP/2 over TLS, HSTS, public links, HTTPS redirect, Secure cookie, the client's own address)"
