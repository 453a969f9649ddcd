# Sourced by bench scripts: a throw-away PostgreSQL cluster on a free loopback port (the same recipe as
# ./test.sh), stopped and removed on exit. Sets PG_CONN (Npgsql) and PG_PSQL (psql arguments).
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL is not installed: run ./test.sh once (it installs it)"; exit 1; }
pg_dir="$(mktemp -d /tmp/mera-bench-pg.XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
fi
pg_cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U mera --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log"; exit 1; }
# Durable settings (fsync on), unlike the test cluster: the figures must be what a server would do.
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -k $pg_dir -c shared_buffers=512MB -c max_wal_size=4GB" start >/dev/null \
  || { cat "$pg_dir/pg.log"; exit 1; }
PG_CONN="Host=127.0.0.1;Port=$pg_port;Username=mera;Database=postgres"
PG_PSQL=(-h 127.0.0.1 -p "$pg_port" -U mera -d postgres -v ON_ERROR_STOP=1 -q)
