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

# A second, separate primary with a streaming standby made by pg_basebackup -R (issue 22 §3): the replica tests stop this
# primary, so it is never the one the other tests share.
#   pg_standby_pair_start "extra server options" → sets PG_PAIR_PRIMARY, PG_PAIR_STANDBY (Npgsql), PG_PAIR_PRIMARY_PID
#                                                  (its postmaster), pair_dir (standby's data in $pair_dir/standby)
#   pg_standby_pair_stop  → stops both and removes their directory
pg_standby_pair_start() {
  pair_dir="$(mktemp -d /tmp/mera-pg-pair.XXXXXX)"
  local free='import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
  local p1 p2; p1="$(python3 -c "$free")"; p2="$(python3 -c "$free")"
  [[ $(id -u) -eq 0 ]] && chown postgres "$pair_dir"
  run_pg "$pg_bin/initdb" -D "$pair_dir/primary" -U mera --auth=trust -E UTF8 --locale=C.UTF-8 >"$pair_dir/initdb.log" 2>&1 \
    || { cat "$pair_dir/initdb.log"; return 1; }
  run_pg "$pg_bin/pg_ctl" -D "$pair_dir/primary" -l "$pair_dir/primary.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$p1 -k $pair_dir -c wal_level=replica ${1:-}" start >/dev/null \
    || { cat "$pair_dir/primary.log"; return 1; }
  run_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$p1" -U mera -D "$pair_dir/standby" -R -X stream >"$pair_dir/basebackup.log" 2>&1 \
    || { cat "$pair_dir/basebackup.log"; return 1; }
  run_pg "$pg_bin/pg_ctl" -D "$pair_dir/standby" -l "$pair_dir/standby.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$p2 -k $pair_dir -c hot_standby=on ${1:-}" start >/dev/null \
    || { cat "$pair_dir/standby.log"; return 1; }
  PG_PAIR_PRIMARY="Host=127.0.0.1;Port=$p1;Username=mera;Database=postgres"
  PG_PAIR_STANDBY="Host=127.0.0.1;Port=$p2;Username=mera;Database=postgres"
  PG_PAIR_PRIMARY_PID="$(head -n1 "$pair_dir/primary/postmaster.pid")"
}

pg_standby_pair_stop() {
  [[ -n "${pair_dir:-}" ]] || return 0
  run_pg "$pg_bin/pg_ctl" -D "$pair_dir/standby" -m immediate stop >/dev/null 2>&1
  run_pg "$pg_bin/pg_ctl" -D "$pair_dir/primary" -m immediate stop >/dev/null 2>&1
  rm -rf "$pair_dir"
}
