#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: a new cluster in DIR, on 127.0.0.1:PORT, trust auth,
# run as an unprivileged user (initdb refuses root: as root, it runs as `postgres`).
#   throwaway.sh start DIR PORT   prints the URL of a database `chatterm` on it
#   throwaway.sh stop DIR         stops it and removes DIR
# FSYNC=on keeps PostgreSQL's durable commits (benchmarks); tests run with fsync off.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "throwaway.sh: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 2; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cmd=${1:?usage: throwaway.sh start DIR PORT | stop DIR}
dir=${2:?DIR}
case "$cmd" in
start)
    port=${3:?PORT}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    # fsync off by default: the cluster is thrown away, and a test that kills a server kills
    # chatterm, not PostgreSQL.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${FSYNC:-off} -c max_connections=300" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres chatterm
    echo "postgres://postgres@127.0.0.1:$port/chatterm"
    ;;
stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
*) echo "usage: throwaway.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
