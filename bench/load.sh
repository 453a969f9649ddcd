#!/usr/bin/env bash
# Deadline day under load, on SQLite and then PostgreSQL: school users saving the «Открытая школа» form
# concurrently while officials read the municipal dashboard; then every school submits at once. Afterwards the
# database is checked: every accepted save is stored exactly once, and each school's value is its last save.
#   bench/load.sh [SECONDS=20] [CONNECTIONS=32]     SKIP_PG=1 runs SQLite only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"; connections="${2:-32}"
cd "$root"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 1; }
work="$(mktemp -d /tmp/mera-load.XXXXXX)"
source "$root/bench/web.sh"
web_build
./mera --help >/dev/null
# A fixed day (ADR 0019): the demo and the server see 30.11.2026, when every school's form of 2026Q4 is still open —
# a later quarter would be refused by the write gate (not yet come), an earlier one is accepted and locked.
export MERA_NOW="${MERA_NOW:-2026-11-30}"
form=openschool; period=2026Q4; password="Load-pass-2026"
results=()

# sql PROVIDER QUERY → the single value it returns
sql() { if [[ "$1" == sqlite ]]; then sqlite3 "$MERA_DB" "$2"; else psql "${PG_PSQL[@]}" -At -c "$2"; fi; }

run() { # provider
  local provider="$1"
  ./mera db migrate >/dev/null
  ./mera demo >/dev/null
  web_start
  local admin="$work/admin.jar"; rm -f "$admin"; web_login "$admin" admin Mera-demo-2026
  local children='import json, sys; print("\n".join(c["code"] for c in json.load(sys.stdin)["children"]))'
  local schools; schools="$(curl -s -b "$admin" "$WEB_URL/api/v1/orgunits?parent=demo" | python3 -c "$children" | while read -r m; do
      curl -s -b "$admin" "$WEB_URL/api/v1/orgunits?parent=$m" | python3 -c "$children"
    done)"
  local users="$work/users-$provider.txt"; : > "$users"
  for code in $schools; do
    ./mera users add --login "lt-$code" --role school --org "$code" --name "Нагрузка $code" --password "$password" >/dev/null
    local jar="$work/$code.jar"; rm -f "$jar"
    web_login "$jar" "lt-$code" "$password"
    local token; token="$(web_token "$jar" "$WEB_URL/forms/$form/$period?org=$code")"
    printf '%s\t%s\t%s\n' "$(web_cookies "$jar")" "$token" "$code" >> "$users"
  done
  local official="$work/official.jar"; rm -f "$official"; web_login "$official" enisey Mera-demo-2026

  local health dash save
  health="$(wrk -t2 -c"$connections" -d10s -s bench/load/read.lua "$WEB_URL/health" -- "" | grep RESULT)"
  wrk -t1 -c4 -d"${seconds}s" -s bench/load/read.lua "$WEB_URL/dashboard?org=demo-enisey&period=2026Q3" -- "$(web_cookies "$official")" > "$work/dash.out" &
  local reader=$!
  save="$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/load/save.lua "$WEB_URL/" -- "$users" "$form" "$period" | grep RESULT)"
  wait "$reader"
  dash="$(grep RESULT "$work/dash.out")"

  # Every school submits at the same moment (8 at a time), with its values as the form sends them.
  cut -f3 "$users" | xargs -P 8 -I{} bash -c 'line="$(grep -P "\t{}$" "$0")"; cookie="$(cut -f1 <<<"$line")"; token="$(cut -f2 <<<"$line")";
    curl -s -o /dev/null -w "%{http_code}\n" -H "Cookie: $cookie" --data-urlencode "action=submit" --data-urlencode "Comment=load" \
      --data-urlencode "Values[openschool.students.registered]=99999" --data-urlencode "Values[openschool.students.inactive]=5" \
      --data-urlencode "Values[openschool.teachers.registered]=20" --data-urlencode "Values[openschool.teachers.inactive]=2" \
      --data-urlencode "__RequestVerificationToken=$token" "$1/forms/$2/$3?org={}"' "$users" "$WEB_URL" "$form" "$period" > "$work/submit.out"
  web_stop

  sleep 1 # requests still in flight when wrk stopped are finished by the server, unseen by wrk
  local saved refused; saved="$(sed 's/.*saved=\([0-9]*\).*/\1/' <<<"$save")"; refused="$(sed 's/.*refused=\([0-9]*\).*/\1/' <<<"$save")"
  local element="(SELECT id FROM data_elements WHERE code = 'openschool.students.registered')"
  local stored duplicates mismatched submitted
  # Each save sent a value never sent before (≥ 100000). The changes of a value are its superseded versions in the
  # history plus its current row (ADR 0017): together they are the saves that landed.
  local changes="SELECT new_value AS v, changed_by FROM data_value_history WHERE element_id = $element AND period_code = '$period' AND new_value >= 100000 UNION ALL SELECT value, changed_by FROM data_values WHERE element_id = $element AND period_code = '$period' AND value >= 100000"
  stored="$(sql "$provider" "SELECT count(*) FROM ($changes) c WHERE changed_by LIKE 'lt-%'")"
  duplicates="$(sql "$provider" "SELECT count(*) FROM (SELECT v FROM ($changes) c GROUP BY v HAVING count(*) > 1) d")"
  # A school's current row is its latest save; the value it replaced must be the newest superseded version, so
  # no save was lost between two others (ADR 0016, 0017).
  mismatched="$(sql "$provider" "SELECT count(*) FROM data_values v WHERE v.element_id = $element AND v.period_code = '$period' AND coalesce(v.previous_value, -1) <> coalesce((SELECT h.new_value FROM data_value_history h WHERE h.org_unit_id = v.org_unit_id AND h.element_id = v.element_id AND h.period_code = v.period_code ORDER BY h.id DESC LIMIT 1), -1)")"
  submitted="$(sql "$provider" "SELECT count(*) FROM submissions WHERE form_code = '$form' AND period_code = '$period' AND state = 1")"
  local schools_n; schools_n="$(wc -l < "$users")"
  # Exactly once: no value stored twice, every 302 stored, and at most one in-flight request per connection
  # (answered after wrk stopped counting) stored beyond them.
  local verdict="OK"
  (( stored >= saved && stored <= saved + connections && duplicates == 0 && mismatched == 0 && submitted == schools_n )) || verdict="FAILED"
  results+=("$provider|$health|$dash|$save|$saved|$stored|$duplicates|$mismatched|$submitted/$schools_n|$(sort "$work/submit.out" | uniq -c | tr '\n' ' ')|$verdict")
}

export MERA_DB="$work/load.db"
run sqlite
if [[ -z "${SKIP_PG:-}" ]]; then
  source "$root/bench/pg.sh"; trap 'pg_cleanup; web_stop' EXIT
  export MERA_DB="$PG_CONN"
  run postgres
fi

field() { sed "s/.*$1=\([0-9.]*\).*/\1/" <<<"$2"; }
printf "\nMera deadline-day load — %s s, %s connections saving, 4 reading, %s, %s cores\n" "$seconds" "$connections" "$(date -u +%F)" "$(nproc)"
printf "%-10s %-22s %10s %9s %9s %8s\n" "database" "requests" "req/s" "p50, ms" "p99, ms" "errors"
status=0
for r in "${results[@]}"; do
  IFS='|' read -r provider health dash save saved stored duplicates mismatched submitted codes verdict <<<"$r"
  printf "%-10s %-22s %10s %9s %9s %8s\n" "$provider" "GET /health" "$(field rps "$health")" "$(field p50 "$health")" "$(field p99 "$health")" "$(field errors "$health")"
  printf "%-10s %-22s %10s %9s %9s %8s\n" "" "GET /dashboard" "$(field rps "$dash")" "$(field p50 "$dash")" "$(field p99 "$dash")" "$(field errors "$dash")"
  printf "%-10s %-22s %10s %9s %9s %8s\n" "" "POST form (save)" "$(field rps "$save")" "$(field p50 "$save")" "$(field p99 "$save")" "$(field refused "$save")"
  printf "%-10s saves answered 302: %s, stored: %s (in flight at stop ≤ %s), stored twice: %s, current value not following the previous save: %s; submitted %s (HTTP: %s) → %s\n" \
    "" "$saved" "$stored" "$connections" "$duplicates" "$mismatched" "$submitted" "$codes" "$verdict"
  printf "%-10s non-302 save answers: %s\n" "" "$(sed 's/.*statuses=\[\([^]]*\)\].*/\1/' <<<"$save")"
  [[ "$verdict" == OK ]] || status=1
done
exit $status
