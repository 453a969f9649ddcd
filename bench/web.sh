# Sourced by bench scripts: start Mera.Web (Release) on a free port against $MERA_DB, and sign users in with curl.
web_build() { dotnet build "$root/src/Mera.Web" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null; }
web_start() { # → WEB_URL, WEB_PID
  local port; port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  WEB_URL="http://127.0.0.1:$port"
  # Every client of a load test signs in from 127.0.0.1: the per-address login limit is raised for the run.
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning MERA_LOGIN_LIMIT=100000 MERA_REMINDERS=off \
    dotnet "$root/src/Mera.Web/bin/Release/net10.0/Mera.Web.dll" --contentRoot "$root/src/Mera.Web" --urls "$WEB_URL" >"$work/web.log" 2>&1 &
  WEB_PID=$!
  for _ in $(seq 1 120); do curl -fs "$WEB_URL/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "Mera.Web did not start:"; tail -20 "$work/web.log"; exit 1
}
web_stop() { [[ -n "${WEB_PID:-}" ]] && kill "$WEB_PID" 2>/dev/null; wait "$WEB_PID" 2>/dev/null || true; WEB_PID=""; }
# web_token JAR URL → the antiforgery token of the page (the cookie lands in JAR)
web_token() { curl -s -b "$1" -c "$1" "$2" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
# web_login JAR LOGIN PASSWORD → signs in; the auth cookie lands in JAR
web_login() {
  local token; token="$(web_token "$1" "$WEB_URL/login")"
  curl -s -o /dev/null -b "$1" -c "$1" --data-urlencode "Login=$2" --data-urlencode "Password=$3" \
    --data-urlencode "__RequestVerificationToken=$token" "$WEB_URL/login"
}
# web_cookies JAR → the jar as one Cookie header value
web_cookies() { awk '!/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 } /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
