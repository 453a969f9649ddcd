#!/usr/bin/env bash
# National-scale figures in one run: Mera against the storage engine on the same data, SQLite and PostgreSQL.
#   bench/run.sh [SCHOOLS]   (default 40000; data and databases go to bench/out/, which git ignores)
#   SKIP_PG=1 / SKIP_GROWTH=1 / SKIP_WEB=1 leave out the PostgreSQL runs, the N = 5 000 / 20 000 runs, the web RSS.
# Prints one table: Mera's time, the raw engine's time on the same file/tables, their ratio, and peak RSS;
# then how one dashboard's computation grows with N.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schools="${1:-40000}"
out="$root/bench/out/n$schools"
mkdir -p "$out"
work="$out"
cd "$root"
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install sqlite3)"; exit 1; }
dotnet build bench/Mera.Bench -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
bench_dll="$root/bench/Mera.Bench/bin/Release/net10.0/Mera.Bench.dll"
source "$root/bench/web.sh"
./mera --help >/dev/null  # builds the CLI once
generate() { [[ -f "$1/values.csv" ]] || dotnet "$bench_dll" generate --out "$1" --schools "$2" >/dev/null; }
generate "$out" "$schools"
quarter="$(grep '^quarter=' "$out/dataset.txt" | cut -d= -f2)"
next="$(grep '^educont_quarter=' "$out/dataset.txt" | cut -d= -f2)"
values="$(grep '^values=' "$out/dataset.txt" | cut -d= -f2)"

measure() { # label, command… → "seconds rss_mb"
  local log; log="$(mktemp)"
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$log.err" || { cat "$log.err"; exit 1; }
  awk '{ printf "%.2f %.0f\n", $1, $2/1024 }' "$log"
}

export MERA_DB="$out/mera.db"
rm -f "$out"/mera.db* "$out"/raw.db*
./mera db migrate >/dev/null
read -r t_orgs rss_orgs < <(measure ./mera orgs import "$out/registry.csv")
cp "$out/mera.db" "$out/registry.db"

# The issue's own check: 560 000 values into a database holding only the registry, against sqlite3 .import of the
# same file. This machine's timings drift by ±30 % between runs, so each side is the best of three.
head -n 560001 "$out/values.csv" > "$out/values560k.csv"
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }
t_i560=""; t_r560=""; rss_i560=0
for attempt in 1 2 3; do
  cp "$out/registry.db" "$out/i560.db"; rm -f "$out"/i560.db-*
  read -r t rss < <(measure env MERA_DB="$out/i560.db" ./mera import values "$out/values560k.csv")
  t_i560="$(best "$t" "$t_i560")"; (( rss > rss_i560 )) && rss_i560=$rss
  rm -f "$out"/raw560.db*
  printf 'PRAGMA journal_mode=WAL;\nCREATE TABLE raw_values (org TEXT NOT NULL, element TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL);\nCREATE UNIQUE INDEX ix_raw ON raw_values (org, element, period);\n.import --csv --skip 1 %s raw_values\n' "$out/values560k.csv" > "$out/raw560.sql"
  read -r t _ < <(measure sqlite3 "$out/raw560.db" ".read $out/raw560.sql")
  t_r560="$(best "$t" "$t_r560")"
done
rm -f "$out"/i560.db* "$out"/raw560.db*
read -r t_import rss_import < <(measure ./mera import values "$out/values.csv")
cat > "$out/raw.sql" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE raw_values (org TEXT NOT NULL, element TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL);
CREATE UNIQUE INDEX ix_raw ON raw_values (org, element, period);
.import --csv --skip 1 $out/values.csv raw_values
SQL
read -r t_raw rss_raw < <(measure sqlite3 "$out/raw.db" ".read $out/raw.sql")
read -r t_educont rss_educont < <(measure ./mera import educont "$out/educont.xlsx" --period "$next" --org ru)
read -r t_rollup rss_rollup < <(measure ./mera indicators --org ru --period "$quarter" --children --format json)
# The same federal roll-up by hand: element sums per region (school → municipality → region) over the values that
# fall in the quarter (weeks, months and the quarter by their anchor date) and its year, one GROUP BY.
year="${quarter:0:4}"; q="${quarter:5:1}"
first_month=$(( (q - 1) * 3 + 1 )); last_month=$(( q * 3 ))
from="$(printf '%s-%02d-01' "$year" "$first_month")"; to="$(date -d "$(printf '%s-%02d-01' "$year" "$last_month") +1 month -1 day" +%F)"
cat > "$out/groupby.sql" <<SQL
SELECT r.code, v.element_id, sum(v.value)
FROM data_values v
JOIN org_units s ON s.id = v.org_unit_id
JOIN org_units m ON m.id = s.parent_id
JOIN org_units r ON r.id = m.parent_id
WHERE v.period_anchor BETWEEN '$from' AND '$to' OR v.period_code = '$year'
GROUP BY r.code, v.element_id;
SQL
read -r t_group rss_group < <(measure sqlite3 "$out/mera.db" ".read $out/groupby.sql")

# One dashboard's computation (in-process: the engine, not the CLI start-up) for a municipality and a school.
read -r t_dash_m < <(dotnet "$bench_dll" dashboard --db "$out/mera.db" --org r01-m01 --period "$quarter")
read -r t_dash_s < <(dotnet "$bench_dll" dashboard --db "$out/mera.db" --org s000001 --period "$quarter")
growth=("$schools $t_dash_m $t_dash_s $t_rollup")

# Fresh totals (ADR 0029): the six quarters a national dashboard shows are built once; then the national dashboard is
# computed from them (against the GROUP BY above, same run), and one saved value is timed until that dashboard shows it.
quarters=(); y="${quarter:0:4}"; qq="${quarter:5:1}"
for _ in 1 2 3 4 5 6; do quarters=("${y}Q${qq}" "${quarters[@]}"); qq=$((qq - 1)); (( qq == 0 )) && { qq=4; y=$((y - 1)); }; done
read -r t_totals rss_totals < <(measure ./mera totals build --period "${quarters[@]}")
read -r t_dash_ru < <(dotnet "$bench_dll" dashboard --db "$out/mera.db" --org ru --period "$quarter")
registered="$(awk -F, '$1 == "s000001" && $2 == "openschool.students.registered" { print $4 + 2; exit }' "$out/values.csv")"
read -r t_write t_visible < <(dotnet "$bench_dll" visible --db "$out/mera.db" --org ru --period "$quarter" --school s000001 \
  --element openschool.students.registered --value "$registered")
if [[ -z "${SKIP_GROWTH:-}" ]]; then
  for n in 5000 20000; do
    (( n < schools )) || continue
    g="$root/bench/out/n$n"; mkdir -p "$g"; generate "$g" "$n"
    gq="$(grep '^quarter=' "$g/dataset.txt" | cut -d= -f2)"
    rm -f "$g"/mera.db*
    MERA_DB="$g/mera.db" ./mera db migrate >/dev/null
    MERA_DB="$g/mera.db" ./mera orgs import "$g/registry.csv" >/dev/null
    MERA_DB="$g/mera.db" ./mera import values "$g/values.csv" >/dev/null
    read -r gm < <(dotnet "$bench_dll" dashboard --db "$g/mera.db" --org r01-m01 --period "$gq")
    read -r gs < <(dotnet "$bench_dll" dashboard --db "$g/mera.db" --org s000001 --period "$gq")
    read -r gr _ < <(measure env MERA_DB="$g/mera.db" ./mera indicators --org ru --period "$gq" --children --format json)
    growth=("$n $gm $gs $gr" "${growth[@]}")
  done
fi

# The web process after a national dashboard: peak RSS (VmHWM) of the server that computed it.
web_rss="—"; t_web="—"
if [[ -z "${SKIP_WEB:-}" ]]; then
  web_build
  ./mera users add --login bench-admin --role admin --org ru --name "Bench" --password "Bench-pass-2026" >/dev/null 2>&1 || true
  web_start
  jar="$out/admin.jar"; rm -f "$jar"
  web_login "$jar" bench-admin "Bench-pass-2026"
  t_web="$(curl -s -o /dev/null -w '%{time_total}' -b "$jar" "$WEB_URL/dashboard?org=ru&period=$quarter")"
  web_rss="$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$WEB_PID/status")"
  web_stop
fi

# PostgreSQL: Mera's import and roll-up against psql \copy and the same GROUP BY, in the same run.
if [[ -z "${SKIP_PG:-}" ]]; then
  source "$root/bench/pg.sh"; trap pg_cleanup EXIT
  export MERA_DB="$PG_CONN"
  ./mera db migrate >/dev/null
  ./mera orgs import "$out/registry.csv" >/dev/null
  # As on SQLite, the best of three on each side, each into a fresh database (a copy of the registry-only one) after a
  # checkpoint: a single pair swung between 2,3× and 3,2× with whatever the previous step left to flush.
  psql "${PG_PSQL[@]}" -c "CREATE DATABASE mera_registry TEMPLATE postgres"
  export PGOPTIONS="-c client_min_messages=warning"  # no «does not exist, skipping» notices in the report
  pg_values=("${PG_PSQL[@]/#postgres/mera_values}"); pg_raw_db=("${PG_PSQL[@]/#postgres/mera_raw}")
  pg_import=""; pg_raw=""; pg_rss_import=0
  for _ in 1 2 3; do
    psql "${PG_PSQL[@]}" -c "DROP DATABASE IF EXISTS mera_values" -c "CREATE DATABASE mera_values TEMPLATE mera_registry" -c "CHECKPOINT"
    read -r t rss < <(measure env MERA_DB="${PG_CONN/Database=postgres/Database=mera_values}" ./mera import values "$out/values.csv")
    pg_import="$(best "$t" "$pg_import")"; (( rss > pg_rss_import )) && pg_rss_import=$rss
    psql "${PG_PSQL[@]}" -c "DROP DATABASE IF EXISTS mera_raw" -c "CREATE DATABASE mera_raw"
    psql "${pg_raw_db[@]}" -c "CREATE TABLE raw_values (org text NOT NULL, element text NOT NULL, period text NOT NULL, value double precision NOT NULL); CREATE UNIQUE INDEX ix_raw ON raw_values (org, element, period);" -c "CHECKPOINT"
    read -r t _ < <(measure psql "${pg_raw_db[@]}" -c "\\copy raw_values FROM '$out/values.csv' WITH (FORMAT csv, HEADER true)")
    pg_raw="$(best "$t" "$pg_raw")"
  done
  # The roll-up and its GROUP BY read the last imported database.
  export MERA_DB="${PG_CONN/Database=postgres/Database=mera_values}"; PG_PSQL=("${pg_values[@]}")
  psql "${PG_PSQL[@]}" -c "VACUUM ANALYZE"
  read -r pg_rollup pg_rss_rollup < <(measure ./mera indicators --org ru --period "$quarter" --children --format json)
  sed "s/v.period_anchor BETWEEN '\([^']*\)' AND '\([^']*\)'/v.period_anchor BETWEEN DATE '\1' AND DATE '\2'/" "$out/groupby.sql" > "$out/groupby-pg.sql"
  read -r pg_group _ < <(measure psql "${PG_PSQL[@]}" -f "$out/groupby-pg.sql")
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "—" }'; }
printf "\nMera national benchmark — %s schools, %s values, SQLite, %s, %s cores\n" "$schools" "$values" "$(date -u +%F)" "$(nproc)"
printf "%-44s %10s %10s %8s %9s\n" "operation" "Mera, s" "engine, s" "ratio" "RSS, MB"
printf "%-44s %10s %10s %8s %9s\n" "org registry import" "$t_orgs" "—" "—" "$rss_orgs"
printf "%-44s %10s %10s %8s %9s\n" "560 000 values import vs sqlite3 .import ¹" "$t_i560" "$t_r560" "$(ratio "$t_i560" "$t_r560")" "$rss_i560"
printf "%-44s %10s %10s %8s %9s\n" "all $values values import vs sqlite3 .import" "$t_import" "$t_raw" "$(ratio "$t_import" "$t_raw")" "$rss_import"
printf "%-44s %10s %10s %8s %9s\n" "national educont XLSX import" "$t_educont" "—" "—" "$rss_educont"
printf "%-44s %10s %10s %8s %9s\n" "federal roll-up vs GROUP BY" "$t_rollup" "$t_group" "$(ratio "$t_rollup" "$t_group")" "$rss_rollup"
printf "%-44s %10s %10s %8s %9s\n" "fresh totals: build 6 quarters" "$t_totals" "—" "—" "$rss_totals"
printf "%-44s %10s %10s %8s %9s\n" "national dashboard (totals) vs GROUP BY ²" "$(awk -v m="$t_dash_ru" 'BEGIN { printf "%.3f", m / 1000 }')" "$t_group" \
  "$(awk -v m="$t_dash_ru" -v g="$t_group" 'BEGIN { if (m > 0) printf "1/%.0f", g * 1000 / m; else print "—" }')" "—"
printf "%-44s %10s %10s %8s %9s\n" "a saved value on the national dashboard ³" "$(awk -v m="$t_visible" 'BEGIN { printf "%.3f", m / 1000 }')" "—" "—" "—"
printf "%-44s %10s %10s %8s %9s\n" "web: national dashboard page (first request)" "$t_web" "—" "—" "$web_rss"
if [[ -z "${SKIP_PG:-}" ]]; then
  printf "%-44s %10s %10s %8s %9s\n" "PostgreSQL: values import vs psql \\copy" "$pg_import" "$pg_raw" "$(ratio "$pg_import" "$pg_raw")" "$pg_rss_import"
  printf "%-44s %10s %10s %8s %9s\n" "PostgreSQL: federal roll-up vs GROUP BY" "$pg_rollup" "$pg_group" "$(ratio "$pg_rollup" "$pg_group")" "$pg_rss_rollup"
fi
printf "¹ best of three runs on each side, each into a database holding only the registry\n"
printf "² in-process, median of five: the shown quarter with the regions and five earlier quarters, with targets\n"
printf "³ one value written in a warm process (its own transaction, the totals kept in it: %s ms), then the national dashboard computed once\n" "$t_write"
printf "\nGrowth with N (one dashboard = the period with children + 5 earlier periods, in-process, median of 5)\n"
printf "%10s %22s %18s %22s\n" "schools" "municipality, ms" "school, ms" "federal roll-up, s"
for line in "${growth[@]}"; do read -r n m sc r <<<"$line"; printf "%10s %22s %18s %22s\n" "$n" "$m" "$sc" "$r"; done
