# Sourced by ./test.sh and the bench scripts: a throw-away PostgreSQL cluster in a temp dir on a free loopback
# port, owned by an unprivileged user when run as root.
#   pg_cluster_start "extra server options"   → sets pg_port, PG_CONN (Npgsql) and PG_PSQL (psql arguments);
#                                                returns non-zero (after printing the server's log) if it fails
#   pg_cluster_stop                            → stops the server and removes its directory
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"

run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_cluster_start() {
  pg_dir="$(mktemp -d /tmp/mera-pg.XXXXXX)"
  pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$pg_dir"
  fi
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U mera --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log"; return 1; }
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -k $pg_dir $1" start >/dev/null \
    || { cat "$pg_dir/pg.log"; return 1; }
  PG_CONN="Host=127.0.0.1;Port=$pg_port;Username=mera;Database=postgres"
  PG_PSQL=(-h 127.0.0.1 -p "$pg_port" -U mera -d postgres -v ON_ERROR_STOP=1 -q)
}

pg_cluster_stop() {
  [[ -n "${pg_dir:-}" ]] || return 0
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
