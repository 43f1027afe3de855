#!/bin/sh
# The simulator's benchmark (issue 6), not a test: release build, figures for BENCHMARKS.md.
#   (a) the office-queue engine alone, calls per second on one core, and the same M/M/c queue in SimPy;
#   (b) DAYS business days of SALESPEOPLE salespeople written to an on-disk desk database.
# Usage: Scripts/simulator-benchmark.sh [ENGINE_CALLS] [SIMPY_CALLS] [DAYS] [SALESPEOPLE]
# Needs `pip install simpy` for (a)'s comparison; without it that row is skipped.
set -eu
cd "$(dirname "$0")/.."
ENGINE_CALLS=${1:-10000000}
SIMPY_CALLS=${2:-200000}
DAYS=${3:-245}
SALESPEOPLE=${4:-1000}

swift build -c release --product desk-bench >/dev/null
BENCH=.build/release/desk-bench

echo "(a) office-queue engine, M/M/14 at A = 10 Erlangs, one core"
ENGINE=$(taskset -c 0 "$BENCH" office "$ENGINE_CALLS" 2>/dev/null || "$BENCH" office "$ENGINE_CALLS")
echo "  swift engine: $ENGINE"
if python3 -c 'import simpy' 2>/dev/null; then
    SIMPY=$(taskset -c 0 python3 Scripts/bench/simpy_office.py "$SIMPY_CALLS" 2>/dev/null \
        || python3 Scripts/bench/simpy_office.py "$SIMPY_CALLS")
    echo "  simpy:        $SIMPY"
    ENGINE_RATE=$(echo "$ENGINE" | sed 's/.* rate=\([0-9]*\).*/\1/')
    SIMPY_RATE=$(echo "$SIMPY" | sed 's/.* rate=\([0-9]*\).*/\1/')
    echo "  ratio: $((ENGINE_RATE / SIMPY_RATE))x"
else
    echo "  simpy: not installed (pip install simpy); comparison skipped"
fi

echo "(b) $DAYS business days, $SALESPEOPLE salespeople, on-disk database"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
/usr/bin/time -f "  max_rss_kb=%M wall=%e" "$BENCH" year "$DIR/desk.sqlite" "$DAYS" "$SALESPEOPLE"
