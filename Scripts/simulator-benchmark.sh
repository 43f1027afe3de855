#!/bin/sh
# The simulator's benchmark (issue 6), not a test: release build, figures for BENCHMARKS.md.
#   (a) the office-queue engine alone, calls per second on one core, and the same M/M/c queue in SimPy;
#   (b) DAYS business days of SALESPEOPLE salespeople written to an on-disk desk database, and two baselines
#       writing the rows it left into an empty database with the same schema and connection settings:
#       1. the sqlite3 shell copying them, one INSERT ... SELECT per table, one transaction (the most
#          favourable write pattern there is);
#       2. Scripts/bench/replay_baseline.c inserting them one prepared INSERT per row, one transaction per
#          day as the simulation commits (the fairer floor: no reads, no decisions, no updates).
# Usage: Scripts/simulator-benchmark.sh [ENGINE_CALLS] [SIMPY_CALLS] [DAYS] [SALESPEOPLE]
# Needs `pip install simpy` for (a)'s comparison; without it that row is skipped. Needs cc and
# libsqlite3-dev for (b)'s second baseline, and the sqlite3 shell.
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
# The second baseline's program, compiled before the year so that a missing compiler stops the run early.
command -v cc >/dev/null || { echo "simulator-benchmark.sh: cc is not installed (apt-get install build-essential)" >&2; exit 1; }
cc -O2 -Wall -o "$DIR/replay_baseline" Scripts/bench/replay_baseline.c -lsqlite3 2>"$DIR/cc.log" || {
    cat "$DIR/cc.log" >&2
    echo "simulator-benchmark.sh: cannot compile Scripts/bench/replay_baseline.c (is libsqlite3-dev installed?)" >&2
    exit 1
}
/usr/bin/time -f "  max_rss_kb=%M wall=%e" -o "$DIR/year.time" "$BENCH" year "$DIR/desk.sqlite" "$DAYS" "$SALESPEOPLE"
cat "$DIR/year.time"
YEAR_WALL=$(sed -n 's/.* wall=//p' "$DIR/year.time")

# The baseline, same run: the sqlite3 shell writing just the rows the simulation left (no reads, no
# decisions, no updates, one statement per table) into an empty database with the same schema and the
# connection settings the library uses, in one transaction.
# sqlite_sequence (made by the AUTOINCREMENT tables) is SQLite's own: the copy makes its own, and may not create it.
sqlite3 "$DIR/desk.sqlite" .schema | grep -v '^CREATE TABLE sqlite_sequence' > "$DIR/schema.sql"
sqlite3 "$DIR/copy.sqlite" "PRAGMA journal_mode = WAL" ".read $DIR/schema.sql" >/dev/null
{
    echo "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;"
    echo "ATTACH '$DIR/desk.sqlite' AS y; BEGIN;"
    # Parents before children, so every foreign key is checked as the library's inserts are.
    for table in schema_migrations database_purpose accounts account_lines settings staff channels presence callers callbacks calls messages renotifications submissions corrections escalations notifications events; do
        echo "INSERT INTO main.$table SELECT * FROM y.$table;"
    done
    echo "COMMIT;"
} > "$DIR/copy.sql"
/usr/bin/time -f "%e" -o "$DIR/copy.time" sqlite3 "$DIR/copy.sqlite" < "$DIR/copy.sql"
COPY_WALL=$(cat "$DIR/copy.time")
ROWS=$(sqlite3 "$DIR/copy.sqlite" "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM escalations)
    + (SELECT count(*) FROM notifications) + (SELECT count(*) FROM presence) + (SELECT count(*) FROM callers)
    + (SELECT count(*) FROM callbacks) + (SELECT count(*) FROM calls) + (SELECT count(*) FROM messages)")
echo "  baseline: sqlite3 shell copying the same rows ($ROWS in the eight tables the simulation fills), one transaction: wall=$COPY_WALL"
echo "  ratio: $(awk -v y="$YEAR_WALL" -v c="$COPY_WALL" 'BEGIN { printf "%.2f", (c > 0 ? y / c : 0) }')x the shell copy"

# The second baseline, same run: the same rows inserted one prepared INSERT per row (every column bound,
# ids included), one BEGIN IMMEDIATE ... COMMIT per day (a UTC date: the business day 09:00-18:00 in Tokyo),
# tables in foreign-key order, the same schema and connection settings. Its seconds count only the writing
# (each day's rows are read from the year's database before that day's BEGIN); see the program's header.
REPLAY=$("$DIR/replay_baseline" "$DIR/desk.sqlite" "$DIR/replay.sqlite")
REPLAY_SECONDS=$(echo "$REPLAY" | sed -n 's/.* seconds=\([0-9.]*\).*/\1/p')
echo "  baseline 2: C program inserting the same rows one prepared INSERT per row, one transaction per day: $REPLAY"
echo "  ratio: $(awk -v y="$YEAR_WALL" -v r="$REPLAY_SECONDS" 'BEGIN { printf "%.2f", (r > 0 ? y / r : 0) }')x the replay"
