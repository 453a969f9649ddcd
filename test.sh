#!/usr/bin/env bash
# The one test command: installs what is missing, starts a throw-away PostgreSQL cluster on a free loopback
# port, runs every test project against SQLite and PostgreSQL, and ends with "N passed, N failed, N skipped".
#
# Every test runs on a fixed clock (30.11.2026, a Monday; MERA_TEST_NOW names another day). The tests that depend on
# the calendar (trait Category=Calendar: the demo, deadlines, statuses, the browser journeys) run once more on
# 31.12.2026 — the end of a quarter and of a year, after a deadline. `./test.sh --dates` runs them on several days
# instead: the end of a quarter, the 1st of a month, 31 December, a Monday and 29 February.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
calendar_days=(2026-12-31)
if [[ "${1:-}" == "--dates" ]]; then
  calendar_days=(2026-09-30 2026-12-01 2026-12-31 2027-01-04 2028-02-29)
fi

source "$root/scripts/pg-cluster.sh"
need_pkgs=()
[[ -x "$pg_bin/initdb" ]] || need_pkgs+=(postgresql)
# Import tests make their XLSX/XLS inputs with a real spreadsheet program, as officials do.
command -v soffice >/dev/null || need_pkgs+=(libreoffice-calc)
# Reports are converted DOCX → PDF by LibreOffice Writer, and their first pages rendered to PNG by pdftoppm.
ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 || need_pkgs+=(libreoffice-writer)
command -v pdftoppm >/dev/null || need_pkgs+=(poppler-utils)
# Reports name Times New Roman; Liberation Serif has its metrics, so PDFs made here break lines where Word does.
fc-list 2>/dev/null | grep -q "Liberation Serif" || need_pkgs+=(fonts-liberation)
# Browser tests drive Debian's Chromium through Playwright (no browser download).
command -v chromium >/dev/null || need_pkgs+=(chromium)
if (( ${#need_pkgs[@]} > 0 )); then
  echo "Installing: ${need_pkgs[*]}"
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  source "$root/scripts/pg-cluster.sh" # finds the freshly installed server
fi

# Throw-away cluster, tuned for speed: its data only has to live as long as the tests.
trap 'pg_cluster_stop; pg_standby_pair_stop' EXIT
pg_cluster_start "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" || { echo "0 passed, 1 failed"; exit 1; }
export MERA_TEST_PG="$PG_CONN;Pooling=true"
echo "PostgreSQL: 127.0.0.1:$pg_port"
# A primary of its own with a streaming standby: the read-replica tests stop that primary.
pg_standby_pair_start "-c fsync=off" || { echo "0 passed, 1 failed"; exit 1; }
export MERA_TEST_PG_PAIR_PRIMARY="$PG_PAIR_PRIMARY" MERA_TEST_PG_PAIR_STANDBY="$PG_PAIR_STANDBY" MERA_TEST_PG_PAIR_PRIMARY_PID="$PG_PAIR_PRIMARY_PID"

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
dotnet build Mera.slnx -nologo -v quiet -clp:ErrorsOnly -clp:NoSummary || { echo "0 passed, 1 failed"; exit 1; }
status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" --no-build -nologo -v quiet --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done
for day in "${calendar_days[@]}"; do
  echo "Calendar-sensitive tests on $day"
  for project in tests/Mera.IntegrationTests/*.csproj tests/Mera.BrowserTests/*.csproj; do
    name="$(basename "$project" .csproj)"
    MERA_TEST_NOW="$day" dotnet test "$project" --no-build -nologo -v quiet --filter "Category=Calendar" \
      --logger "trx;LogFileName=$name-$day.trx" --results-directory "$results" || status=1
  done
done

# What failed, with its message, so a run that is only seen as console output can still be diagnosed.
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") != "Failed": continue
        message = r.findtext(".//t:Message", "", ns).strip()
        stack = r.findtext(".//t:StackTrace", "", ns).strip().splitlines()[:6]
        print(f"FAILED {r.get('testName')} ({path.rsplit('/', 1)[-1]})\n  " + message[:2000] + "\n  " + "\n  ".join(stack))
PY
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, re
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*', text)
    if not m: continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
if [[ "$passed" == "0" && "$failed" == "0" ]]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[[ $status -eq 0 && $failed -eq 0 ]]
