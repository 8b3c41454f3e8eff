#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster from the local binaries; print its URL on stdout.
#   scripts/pg-throwaway.sh start DIR   -> postgres://...  (cluster lives in DIR)
#   scripts/pg-throwaway.sh stop DIR
# initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?directory}
bindir=$(command -v pg_ctl >/dev/null 2>&1 && dirname "$(readlink -f "$(command -v pg_ctl)")" || true)
for candidate in "$bindir" /usr/lib/postgresql/*/bin /usr/local/pgsql/bin /opt/homebrew/bin; do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir=$candidate; break; fi
done
[ -x "$bindir/initdb" ] || { echo "no PostgreSQL binaries (initdb, pg_ctl) found" >&2; exit 1; }
as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "running as root and there is no postgres user to run the cluster" >&2; exit 1; }
  as=(runuser -u postgres --)
fi
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ ${#as[@]} -gt 0 ]; then chown postgres "$dir"; chmod a+x "$(dirname "$dir")"; fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    "${as[@]}" "$bindir/initdb" -D "$dir/data" -U waarborg --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "postgres://waarborg@127.0.0.1:$port/postgres"
    ;;
  stop)
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
