#!/usr/bin/env bash
# kill -9 `chatterm import` and `chatterm serve` at random moments, RUNS times each (50 by
# default): the store is untouched or whole after each import kill, and every message the
# server acknowledged is there once. Needs a built chatterm (swift build) and the server
# suite's Python environment (Tests/setup/prepare.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CHATTERM_KILL_RUNS="${RUNS:-50}" CHATTERM_KILL_SEED="${SEED:-$RANDOM}"
echo "crash safety: $CHATTERM_KILL_RUNS kills per test, seed $CHATTERM_KILL_SEED"
source Tests/setup/prepare.sh
"$test_python" -m pytest -q -s Tests/server/test_crash_safety.py
