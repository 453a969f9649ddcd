#!/usr/bin/env bash
# The one test command: installs what is missing, starts a throw-away PostgreSQL cluster on a free loopback
# port, runs every test project against SQLite and PostgreSQL, and ends with "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

need_pkgs=()
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[[ -x "$pg_bin/initdb" ]] || need_pkgs+=(postgresql)
# Import tests make their XLSX/XLS inputs with a real spreadsheet program, as officials do.
command -v soffice >/dev/null || need_pkgs+=(libreoffice-calc)
# Reports are converted DOCX → PDF by LibreOffice Writer, and their first pages rendered to PNG by pdftoppm.
ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 || need_pkgs+=(libreoffice-writer)
command -v pdftoppm >/dev/null || need_pkgs+=(poppler-utils)
# Browser tests drive Debian's Chromium through Playwright (no browser download).
command -v chromium >/dev/null || need_pkgs+=(chromium)
if (( ${#need_pkgs[@]} > 0 )); then
  echo "Installing: ${need_pkgs[*]}"
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
fi

# Throw-away cluster: temp dir, free port, owned by an unprivileged user when run as root.
pg_dir="$(mktemp -d /tmp/mera-pg.XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
fi
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U mera --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$pg_dir/pg.log"; echo "0 passed, 1 failed"; exit 1; }
export MERA_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=mera;Database=postgres;Pooling=true"
echo "PostgreSQL: 127.0.0.1:$pg_port"

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
dotnet build Mera.slnx -nologo -v quiet -clp:ErrorsOnly -clp:NoSummary || { echo "0 passed, 1 failed"; exit 1; }
status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" --no-build -nologo -v quiet --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

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
