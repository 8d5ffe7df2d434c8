#!/usr/bin/env bash
# Every test, on both stores: the XCTest suites (the storage and client suites once more on
# PostgreSQL), then the SDK-driven server suite on SQLite and on PostgreSQL. A throwaway
# PostgreSQL cluster (Tests/postgres/throwaway.sh) lives for the run and is removed after it.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_dir=$(mktemp -d /tmp/chatterm-pg.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'Tests/postgres/throwaway.sh stop "$pg_dir"' EXIT
postgres=$(Tests/postgres/throwaway.sh start "$pg_dir" "$port")
echo "== throwaway PostgreSQL: $postgres"

swift test --disable-swift-testing
echo "== storage and client suites on PostgreSQL"
CHATTERM_TEST_POSTGRES=$postgres swift test --skip-build --disable-swift-testing --filter 'ChatStoreTests|ChatClientTests|DatabaseOptionTests'
echo "== server suite (Stream's Python SDK) on SQLite"
python3 -m pytest -q Tests/server
echo "== server suite (Stream's Python SDK) on PostgreSQL, two servers sharing it included"
CHATTERM_TEST_POSTGRES=$postgres python3 -m pytest -q Tests/server
