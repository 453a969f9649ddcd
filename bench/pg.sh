# Sourced by bench scripts: a throw-away PostgreSQL cluster (scripts/pg-cluster.sh, the same as ./test.sh's),
# stopped and removed on exit. Sets PG_CONN (Npgsql) and PG_PSQL (psql arguments).
source "$root/scripts/pg-cluster.sh"
[[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL is not installed: run ./test.sh once (it installs it)"; exit 1; }
pg_cleanup() { pg_cluster_stop; }
# Durable settings (fsync on), unlike the test cluster: the figures must be what a server would do.
pg_cluster_start "-c shared_buffers=512MB -c max_wal_size=4GB" || exit 1
