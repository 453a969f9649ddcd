#!/usr/bin/env bash
# Beyond one machine, on one machine (issue 22 §4): nginx (Debian package) in front of three stateless web nodes, a
# PostgreSQL primary with a streaming standby (durable settings). The deadline-day saves of the demo's 44 schools go
# through nginx while one node is killed with SIGKILL halfway; then the primary is killed and the standby promoted.
# Checks that no accepted save is lost and the journal is consistent; measures the failover's RPO and RTO.
#   bench/cluster.sh [SECONDS=30]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
cd "$root"
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  echo "Installing nginx"
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
work="$(mktemp -d /tmp/mera-cluster.XXXXXX)"
source "$root/scripts/pg-cluster.sh"
source "$root/bench/web.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
node_pids=()
cleanup() {
  for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  pg_standby_pair_stop || true
}
trap cleanup EXIT

pg_standby_pair_start "-c shared_buffers=256MB" || exit 1
p1="$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PG_PAIR_PRIMARY")"; p2="$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PG_PAIR_STANDBY")"
psql_on() { local port="$1"; shift; psql -h 127.0.0.1 -p "$port" -U mera -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
# Both servers in one connection string: after a promotion, new connections find the new primary by themselves —
# within a second, as Npgsql looks at a host it found to be a standby again after Host Recheck Seconds (default 10).
export MERA_DB="Host=127.0.0.1:$p1,127.0.0.1:$p2;Username=mera;Database=postgres;Target Session Attributes=primary;Host Recheck Seconds=1"
export MERA_DB_READ="$PG_PAIR_STANDBY"
export MERA_NOW="${MERA_NOW:-2026-11-30}"
./mera db migrate >/dev/null
./mera demo >/dev/null
web_build

upstream=""
for i in 1 2 3; do
  port="$(free_port)"
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning MERA_LOGIN_LIMIT=100000 MERA_REMINDERS=off \
    MERA_UPLOADS="$work/uploads$i" dotnet "$root/src/Mera.Web/bin/Release/net10.0/Mera.Web.dll" --contentRoot "$root/src/Mera.Web" --urls "http://127.0.0.1:$port" \
    >"$work/node$i.log" 2>&1 &
  node_pids+=($!)
  upstream+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
done
front="$(free_port)"
mkdir -p "$work/nginx-tmp"
cat > "$work/nginx.conf" <<NGINX
$([[ $(id -u) -eq 0 ]] && echo "user root;")
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp/body; proxy_temp_path $work/nginx-tmp/proxy;
  fastcgi_temp_path $work/nginx-tmp/fastcgi; uwsgi_temp_path $work/nginx-tmp/uwsgi; scgi_temp_path $work/nginx-tmp/scgi;
  upstream mera {
$upstream    keepalive 32;
  }
  server {
    listen 127.0.0.1:$front;
    location / {
      proxy_pass http://mera;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;   # a POST is never sent twice by nginx: the client retries it
    }
  }
}
NGINX
"$nginx_bin" -c "$work/nginx.conf" -p "$work"
WEB_URL="http://127.0.0.1:$front"
for _ in $(seq 1 40); do curl -fs "$WEB_URL/health" >/dev/null 2>&1 && break; sleep 0.25; done

# The demo's schools, each with a user of its own signed in through nginx.
admin="$work/admin.jar"; web_login "$admin" admin Mera-demo-2026
children='import json, sys; print("\n".join(c["code"] for c in json.load(sys.stdin)["children"]))'
schools="$(curl -s -b "$admin" "$WEB_URL/api/v1/orgunits?parent=demo" | python3 -c "$children" | while read -r m; do
  curl -s -b "$admin" "$WEB_URL/api/v1/orgunits?parent=$m" | python3 -c "$children"; done)"
users="$work/users.txt"; : > "$users"
for code in $schools; do
  ./mera users add --login "cl-$code" --role school --org "$code" --name "Кластер $code" --password "Cluster-pass-2026" >/dev/null
  jar="$work/$code.jar"; web_login "$jar" "cl-$code" "Cluster-pass-2026"
  printf '%s\t%s\t%s\n' "$(web_cookies "$jar")" "$(web_token "$jar" "$WEB_URL/forms/openschool/2026Q4?org=$code")" "$code" >> "$users"
done

# Phase 1: the saves through nginx; node 2 is killed halfway.
python3 bench/cluster/client.py "$WEB_URL" "$users" "$seconds" "$work/run" &
client=$!
sleep "$(awk -v s="$seconds" 'BEGIN { print s / 2 }')"
kill -9 "${node_pids[1]}"
wait "$client"

element="(SELECT id FROM data_elements WHERE code = 'openschool.students.registered')"
changes="SELECT o.code, c.v FROM (SELECT org_unit_id, new_value AS v FROM data_value_history WHERE element_id = $element AND period_code = '2026Q4' AND new_value >= 100000
  UNION ALL SELECT org_unit_id, value FROM data_values WHERE element_id = $element AND period_code = '2026Q4' AND value >= 100000) c JOIN org_units o ON o.id = c.org_unit_id"
check() { # port accepted-file → "lost duplicates mismatched"
  psql_on "$1" -c "DROP TABLE IF EXISTS accepted; CREATE TABLE accepted (org text, v double precision, at double precision)"
  psql_on "$1" -c "\\copy accepted FROM '$2'"
  local lost duplicates mismatched
  lost="$(psql_on "$1" -c "SELECT count(*) FROM accepted a WHERE NOT EXISTS (SELECT 1 FROM ($changes) s WHERE s.code = a.org AND s.v = a.v)")"
  duplicates="$(psql_on "$1" -c "SELECT count(*) FROM (SELECT v FROM ($changes) s GROUP BY v HAVING count(*) > 1) d")"
  mismatched="$(psql_on "$1" -c "SELECT count(*) FROM data_values v WHERE v.element_id = $element AND v.period_code = '2026Q4' AND coalesce(v.previous_value, -1) <> coalesce((SELECT h.new_value FROM data_value_history h WHERE h.org_unit_id = v.org_unit_id AND h.element_id = v.element_id AND h.period_code = v.period_code ORDER BY h.id DESC LIMIT 1), -1)")"
  echo "$lost $duplicates $mismatched"
}
read -r lost1 dup1 mis1 < <(check "$p1" "$work/run.accepted")
summary1="$(cat "$work/run.summary")"

# Phase 2: the primary is killed under the saves; a second later (a failover manager's detection) the standby is promoted.
python3 bench/cluster/client.py "$WEB_URL" "$users" 20 "$work/failover" 100000000 &
client=$!
sleep 5
killed_at="$(date +%s.%N)"
# The whole server dies at once, as with its machine: the postmaster and every backend.
pkill -9 -P "$PG_PAIR_PRIMARY_PID" || true; kill -9 "$PG_PAIR_PRIMARY_PID"
sleep 1
run_pg "$pg_bin/pg_ctl" -D "$pair_dir/standby" -w promote >/dev/null
promoted_at="$(date +%s.%N)"
wait "$client"
read -r lost2 dup2 mis2 < <(check "$p2" "$work/failover.accepted")
rpo_lost="$(psql_on "$p2" -c "SELECT count(*) FROM accepted a WHERE a.at < $killed_at AND NOT EXISTS (SELECT 1 FROM ($changes) s WHERE s.code = a.org AND s.v = a.v)")"
# RTO: from the primary's death to the first save accepted after the outage began (the first failed save after it).
failed_at="$(awk -v k="$killed_at" '$1 > k { print $1; exit }' "$work/failover.errors")"
rto="$(awk -v k="$killed_at" -v f="${failed_at:-0}" '$3 > f && f > 0 { if (!t || $3 < t) t = $3 } END { if (t) printf "%.1f", t - k; else print "—" }' "$work/failover.accepted")"
outage_errors="$(wc -l < "$work/failover.errors")"
summary2="$(cat "$work/failover.summary")"

printf "\nMera cluster — nginx, 3 web nodes, PostgreSQL primary + streaming standby, %s s, %s schools, %s, %s cores\n" \
  "$seconds" "$(wc -l < "$users")" "$(date -u +%F)" "$(nproc)"
printf "saves through nginx, node 2 killed (SIGKILL) at %s s: %s\n" "$(awk -v s="$seconds" 'BEGIN { print s / 2 }')" "$summary1"
printf "  accepted saves lost: %s, stored twice: %s, current value not following the previous save: %s\n" "$lost1" "$dup1" "$mis1"
printf "primary killed, standby promoted %.1f s later: %s\n" "$(awk -v a="$promoted_at" -v k="$killed_at" 'BEGIN { print a - k }')" "$summary2"
printf "  RPO: accepted saves missing on the promoted standby: %s; RTO: saves accepted again %s s after the primary died (%s failed answers meanwhile, each retried)\n" "$rpo_lost" "$rto" "$outage_errors"
printf "  after failover — lost: %s, stored twice: %s, journal mismatches: %s\n" "$lost2" "$dup2" "$mis2"
(( lost1 == 0 && dup1 == 0 && mis1 == 0 && dup2 == 0 && mis2 == 0 )) || { echo "FAILED"; exit 1; }
echo "OK"
