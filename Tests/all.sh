#!/usr/bin/env bash
# README's test command, and CI's: sets the machine up for the tests (Tests/setup/prepare.sh),
# checks the style, then runs every test on both stores: the XCTest suites (the storage, client
# and report suites once more on PostgreSQL), then the SDK-driven server suite on SQLite and on
# PostgreSQL. A throwaway PostgreSQL cluster (Tests/postgres/throwaway.sh) lives for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source Tests/setup/prepare.sh

echo "== style: swift format lint --strict (fix with: swift format -i -r Sources Tests)"
swift format lint --strict -r --parallel Sources Tests Package.swift

postgres=
if [ "$have_postgres" = yes ]; then
    pg_dir=$(mktemp -d /tmp/chatterm-pg.XXXXXX)
    port=$("$test_python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    trap 'Tests/postgres/throwaway.sh stop "$pg_dir"' EXIT
    postgres=$(Tests/postgres/throwaway.sh start "$pg_dir" "$port")
    echo "== throwaway PostgreSQL: $postgres"
fi

swift test --disable-swift-testing
echo "== server suite (Stream's Python SDK) on SQLite"
"$test_python" -m pytest -q Tests/server
if [ -n "$postgres" ]; then
    echo "== storage, client and report suites on PostgreSQL"
    CHATTERM_TEST_POSTGRES=$postgres swift test --skip-build --disable-swift-testing \
        --filter 'ChatStoreTests|ChatClientTests|DatabaseOptionTests|ReportTests|ReportCommandTests'
    echo "== server suite (Stream's Python SDK) on PostgreSQL, two servers sharing it included"
    CHATTERM_TEST_POSTGRES=$postgres "$test_python" -m pytest -q Tests/server
fi
for note in "${skipped[@]}"; do echo "skipped: $note"; done
