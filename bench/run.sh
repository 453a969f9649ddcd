#!/usr/bin/env bash
# National-scale figures in one run (SQLite): Mera against the storage engine on the same data.
#   bench/run.sh [SCHOOLS]   (default 40000; data and databases go to bench/out/, which git ignores)
# Prints one table: Mera's time, the raw engine's time on the same file/tables, their ratio, and peak RSS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schools="${1:-40000}"
out="$root/bench/out/n$schools"
mkdir -p "$out"
cd "$root"
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install sqlite3)"; exit 1; }
dotnet build bench/Mera.Bench -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
./mera --help >/dev/null  # builds the CLI once
[[ -f "$out/values.csv" ]] || dotnet run -c Release --no-build --project bench/Mera.Bench -- generate --out "$out" --schools "$schools"
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

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "—" }'; }
printf "\nMera national benchmark — %s schools, %s values, SQLite, %s, %s cores\n" "$schools" "$values" "$(date -u +%F)" "$(nproc)"
printf "%-44s %10s %10s %8s %9s\n" "operation" "Mera, s" "engine, s" "ratio" "RSS, MB"
printf "%-44s %10s %10s %8s %9s\n" "org registry import" "$t_orgs" "—" "—" "$rss_orgs"
printf "%-44s %10s %10s %8s %9s\n" "values CSV import vs sqlite3 .import" "$t_import" "$t_raw" "$(ratio "$t_import" "$t_raw")" "$rss_import"
printf "%-44s %10s %10s %8s %9s\n" "national educont XLSX import" "$t_educont" "—" "—" "$rss_educont"
printf "%-44s %10s %10s %8s %9s\n" "federal roll-up vs GROUP BY" "$t_rollup" "$t_group" "$(ratio "$t_rollup" "$t_group")" "$rss_rollup"
