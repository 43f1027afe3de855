#!/usr/bin/env bash
# The benchmark of issue 2: MessageDesk (release build) against plain SQLite doing the same work,
# each figure beside a baseline measured in the same run. Not a test: it reports, it never fails on a time.
#
#   (a) one `desk log` as a whole process   vs  the `sqlite3` shell inserting the same rows (one process)
#   (b) `desk callbacks --for X --json`      vs  the `sqlite3` shell running the same SELECT in -json mode,
#       on a database of 1,000,000 messages (generated once, cached under .build-bench/bench/)
#   (c) 200,000 messages through DeskStore.takeMessage in one transaction (desk-bench insert)
#                                            vs  the same statements through the C API (Scripts/bench/insert_baseline.c)
#
# Writes a Markdown table to stdout and, with the machine, the method and notes, to BENCHMARKS.md
# (--quick writes .build-bench/bench/BENCHMARKS-quick.md instead, so a CI run never replaces the real figures).
#
# Usage: Scripts/benchmark.sh [--quick] [options]
#   --quick               small counts (finishes in well under a minute once built and cached; for CI)
#   --log-runs N          (a): desk log / sqlite3 runs, alternating (default 50; quick 10)
#   --list-runs N         (b): desk callbacks / sqlite3 runs, alternating (default 50; quick 10)
#   --list-messages N     (b): messages in the generated database (default 1000000; quick 50000)
#   --list-staff N        (b): staff in it (default 1000; quick 100)
#   --list-callers N      (b): callers the messages come from (default 300000; quick 15000)
#   --insert-count N      (c): messages inserted per run (default 200000; quick 20000)
#   --insert-runs N       (c): runs of each side, alternating (default 3; quick 1)
#   --no-diagnostics      skip the diagnostic row of (c) (C with a savepoint per message)
#   --no-build            use the binaries already in .build-bench
#   --output FILE         where to write the report (default BENCHMARKS.md; quick: .build-bench/bench/BENCHMARKS-quick.md)
set -euo pipefail
export LC_NUMERIC=C
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=.build-bench
WORK=$SCRATCH/bench
trap 'echo "benchmark.sh: failed at line $LINENO (see $WORK/*.log)" >&2' ERR

# ---------------------------------------------------------------------------------------------- options
ARGS="Scripts/benchmark.sh${*:+ $*}"
QUICK=0
LOG_RUNS= LIST_RUNS= LIST_MESSAGES= LIST_STAFF= LIST_CALLERS= INSERT_COUNT= INSERT_RUNS= OUTPUT=
DIAGNOSTICS=1
BUILD=1
die() { echo "benchmark.sh: $*" >&2; exit 2; }
number() { [[ ${2:-} =~ ^[0-9]+$ ]] && (( 10#$2 > 0 )) || die "$1 needs a positive integer, not '${2:-}'"; }
while (( $# > 0 )); do
    case $1 in
        --quick) QUICK=1 ;;
        --log-runs) number "$1" "${2:-}"; LOG_RUNS=$2; shift ;;
        --list-runs) number "$1" "${2:-}"; LIST_RUNS=$2; shift ;;
        --list-messages) number "$1" "${2:-}"; LIST_MESSAGES=$2; shift ;;
        --list-staff) number "$1" "${2:-}"; LIST_STAFF=$2; shift ;;
        --list-callers) number "$1" "${2:-}"; LIST_CALLERS=$2; shift ;;
        --insert-count) number "$1" "${2:-}"; INSERT_COUNT=$2; shift ;;
        --insert-runs) number "$1" "${2:-}"; INSERT_RUNS=$2; shift ;;
        --no-diagnostics) DIAGNOSTICS=0 ;;
        --no-build) BUILD=0 ;;
        --output) [[ -n ${2:-} ]] || die "--output needs a file"; OUTPUT=$2; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done
if (( QUICK )); then
    : "${LOG_RUNS:=10}" "${LIST_RUNS:=10}" "${LIST_MESSAGES:=50000}" "${LIST_STAFF:=100}" "${LIST_CALLERS:=15000}"
    : "${INSERT_COUNT:=20000}" "${INSERT_RUNS:=1}" "${OUTPUT:=$WORK/BENCHMARKS-quick.md}"
else
    : "${LOG_RUNS:=50}" "${LIST_RUNS:=50}" "${LIST_MESSAGES:=1000000}" "${LIST_STAFF:=1000}" "${LIST_CALLERS:=300000}"
    : "${INSERT_COUNT:=200000}" "${INSERT_RUNS:=3}" "${OUTPUT:=BENCHMARKS.md}"
fi
(( LIST_STAFF <= 9999 )) || die "--list-staff is at most 9999"

for tool in swift sqlite3 cc awk sort; do
    command -v "$tool" >/dev/null || die "$tool is not installed (sqlite3: apt-get install sqlite3; cc: build-essential)"
done
mkdir -p "$WORK"
STARTED=$SECONDS
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
say() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------- build
if (( BUILD )); then
    say "building (swift build -c release --static-swift-stdlib --scratch-path $SCRATCH) ..."
    attempt=1
    # A file saved while the build runs ("was modified during the build") is worth another try.
    until swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" >"$WORK/build.log" 2>&1; do
        if (( attempt < 3 )) && grep -q 'modified during the build' "$WORK/build.log"; then
            attempt=$(( attempt + 1 )); say "    a source changed during the build; building again ($attempt/3) ..."; continue
        fi
        tail -40 "$WORK/build.log" >&2
        die "the release build failed (full log: $WORK/build.log)"
    done
fi
BIN=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)
DESK=$BIN/desk
BENCH=$BIN/desk-bench
[[ -x $DESK && -x $BENCH ]] || die "no release binaries in $BIN; run without --no-build"
BASELINE=$WORK/insert_baseline
cc -O2 -Wall -o "$BASELINE" Scripts/bench/insert_baseline.c -lsqlite3 2>"$WORK/cc.log" \
    || { cat "$WORK/cc.log" >&2; die "cannot compile Scripts/bench/insert_baseline.c (is libsqlite3-dev installed?)"; }

# ---------------------------------------------------------------------------------------------- helpers
# Wall time of one whole process in microseconds, into LAST_US: bash's $EPOCHREALTIME, read without
# forking on both sides of the fork/exec/wait of the command (the same overhead for every row).
LAST_US=0
now_us() { local t=$EPOCHREALTIME; NOW_US=${t//[!0-9]/}; }
timed() {
    local t0 t1
    now_us; t0=$NOW_US
    "$@" >"$WORK/out.txt" 2>>"$WORK/stderr.log"
    now_us; t1=$NOW_US
    LAST_US=$(( t1 - t0 ))
}
# The same, for a command whose exit status is not 0 by design (desk-bench without arguments).
timed_any() {
    local t0 t1
    now_us; t0=$NOW_US
    "$@" >/dev/null 2>&1 || true
    now_us; t1=$NOW_US
    LAST_US=$(( t1 - t0 ))
}
stat_of() {   # stat_of median|min|max values...: in the values' unit
    local which=$1; shift
    printf '%s\n' "$@" | sort -n | awk -v w="$which" '{ a[NR] = $1 } END {
        if (w == "min") print a[1]; else if (w == "max") print a[NR];
        else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ms() { awk -v u="$1" 'BEGIN { printf "%.1f ms", u / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
thousands() { sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta' <<<"$1"; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { print a - b }'; }
rm_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
q() { sqlite3 -batch "$1" "$2"; }

MACHINE_CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
MACHINE_RAM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)
SQLITE_VERSION=$(sqlite3 -version | awk '{ print $1 }')
SWIFT_VERSION=$(swift --version 2>&1 | head -1)
FS=$(df -T "$WORK" 2>/dev/null | awk 'NR == 2 { print $2 }')
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git status --porcelain 2>/dev/null) ]] && REVISION="$REVISION + uncommitted changes"

# ====================================================================================== (a) desk log
say "(a) desk log vs sqlite3, $LOG_RUNS runs each, alternating ..."
DB_A=$WORK/log.sqlite
rm_db "$DB_A"
"$BENCH" seed "$DB_A" 1000 5 >"$WORK/seed-log.log"     # 5 salespeople and an operator, 1,000 messages of history
before_a=$(q "$DB_A" "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM events), (SELECT count(*) FROM callers)")
a_desk=() a_shell=() a_version=() a_shell_version=() a_bench=()
log_desk() {
    timed "$DESK" log --db "$DB_A" --as operator1 --for "$owner" --caller 佐藤花子 --phone "$desk_phone" \
        --company 株式会社テスト --message 見積もりの件で折り返しください
    a_desk+=("$LAST_US")
}
log_shell() { timed sqlite3 -batch -bail "$DB_A" "$sql"; a_shell+=("$LAST_US"); }
startup() {
    timed "$DESK" --version; a_version+=("$LAST_US")
    timed sqlite3 -version; a_shell_version+=("$LAST_US")
    timed_any "$BENCH"; a_bench+=("$LAST_US")
}
for (( i = 1; i <= LOG_RUNS; i++ )); do
    owner=staff000$(( i % 5 + 1 ))
    printf -v desk_phone '090%08d' "$i"          # a fresh caller every run, for both
    printf -v shell_phone '+8180%08d' "$i"
    TZ=UTC printf -v at '%(%Y-%m-%dT%H:%M:%SZ)T' -1
    TZ=UTC printf -v due '%(%Y-%m-%dT%H:%M:%SZ)T' $(( EPOCHSECONDS + 9 * 3600 ))
    # What takeMessage writes for a new caller: the caller and its event, the callback, the call, the
    # message, the call's event and the callback's event; ids found the way a shell user would.
    sql="PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;
BEGIN IMMEDIATE;
INSERT INTO callers (phone, name, company, created_at, account_id) VALUES ('$shell_phone', '佐藤花子', '株式会社テスト', '$at', 1);
INSERT INTO events (at, actor, subject, subject_id, kind, before, after, reason)
  VALUES ('$at', 'operator1', 'caller', last_insert_rowid(), 'caller.added', NULL,
          json_object('name', '佐藤花子', 'company', '株式会社テスト', 'phone', '$shell_phone'), NULL);
INSERT INTO callbacks (owner_id, caller_id, state, urgent, new_contact, not_before, not_after, due_at, opened_at)
  VALUES ((SELECT id FROM staff WHERE handle = '$owner'), (SELECT id FROM callers WHERE phone = '$shell_phone'),
          'open', 0, 0, NULL, NULL, '$due', '$at');
INSERT INTO calls (at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome)
  VALUES ('$at', (SELECT id FROM callers WHERE phone = '$shell_phone'), (SELECT id FROM staff WHERE handle = '$owner'),
          (SELECT id FROM staff WHERE handle = 'operator1'), '佐藤花子', '株式会社テスト', 0, 'message_taken');
INSERT INTO messages (call_id, callback_id, body, urgent, wants, not_before, not_after, new_contact)
  VALUES (last_insert_rowid(),
          (SELECT id FROM callbacks WHERE caller_id = (SELECT id FROM callers WHERE phone = '$shell_phone')
             AND owner_id = (SELECT id FROM staff WHERE handle = '$owner') AND state IN ('open', 'acknowledged')),
          '見積もりの件で折り返しください', 0, 'callback', NULL, NULL, 0);
INSERT INTO events (at, actor, subject, subject_id, kind, before, after, reason)
  SELECT '$at', 'operator1', 'call', m.call_id, 'call.taken', NULL,
         json_object('for', '$owner', 'caller_id', c.caller_id, 'message_id', m.id, 'callback_id', m.callback_id,
                     'tried_mobile', json('false')), NULL
  FROM messages m JOIN calls c ON c.id = m.call_id WHERE m.id = (SELECT max(id) FROM messages);
INSERT INTO events (at, actor, subject, subject_id, kind, before, after, reason)
  SELECT '$at', 'operator1', 'callback', cb.id, 'callback.opened', NULL,
         json_object('owner', '$owner', 'state', cb.state, 'urgent', json('false'), 'new_contact', json('false'),
                     'not_before', NULL, 'not_after', NULL, 'due_at', cb.due_at, 'repeat_count', cb.repeat_count),
         'call ' || m.call_id
  FROM messages m JOIN callbacks cb ON cb.id = m.callback_id WHERE m.id = (SELECT max(id) FROM messages);
COMMIT;"
    if (( i % 2 )); then log_desk; log_shell; startup; else startup; log_shell; log_desk; fi
done
after_a=$(q "$DB_A" "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM events), (SELECT count(*) FROM callers)")
IFS='|' read -r m0 e0 c0 <<<"$before_a"
IFS='|' read -r m1 e1 c1 <<<"$after_a"
if (( m1 - m0 != 2 * LOG_RUNS || e1 - e0 != 6 * LOG_RUNS || c1 - c0 != 2 * LOG_RUNS )); then
    die "(a) wrote the wrong rows: messages +$((m1 - m0)), events +$((e1 - e0)), callers +$((c1 - c0)) for $LOG_RUNS runs of each"
fi
same_a=$(q "$DB_A" "SELECT count(*) FROM (SELECT kind, count(*) FROM events WHERE id > $e0 GROUP BY kind HAVING count(*) = 2 * $LOG_RUNS)")
[[ $same_a == 3 ]] || die "(a) desk and the shell did not write the same three events per message"

# ====================================================================================== (b) desk callbacks
DB_B=$WORK/list-v1-${LIST_MESSAGES}m-${LIST_STAFF}s-${LIST_CALLERS}c.sqlite
generate_list_db() {   # generate_list_db PATH: the realistic desk for (b), rows only inserted, all CHECKs apply
    local db=$1 M=$LIST_MESSAGES S=$LIST_STAFF C=$LIST_CALLERS
    local STEP=30 L=$(( LIST_STAFF * 30 )) DELTA=259200
    local END=$(( EPOCHSECONDS / 86400 * 86400 ))
    local T0=$(( END - M * STEP ))
    rm_db "$db"
    "$BENCH" seed "$db" 0 "$S" >/dev/null      # schema, settings and staff (with their events) through the library
    sqlite3 -batch -bail "$db" >/dev/null <<SQL
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -2000000;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE owners AS
    SELECT row_number() OVER (ORDER BY handle) - 1 AS k, id, handle FROM staff WHERE handle GLOB 'staff[0-9]*';
CREATE UNIQUE INDEX temp.owners_k ON owners(k);
-- One call every $STEP s up to today: from a caller, for the caller's usual salesperson nine times in ten.
CREATE TEMP TABLE g (i INTEGER PRIMARY KEY, caller INT, owner INT, urgent INT, tried INT, again INT, t INT);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $M),
r AS (SELECT i, random() & 9223372036854775807 AS r1, random() & 9223372036854775807 AS r2,
             random() & 9223372036854775807 AS r3 FROM n)
INSERT INTO g
SELECT i, r1 % $C,
       CASE WHEN r2 % 10 = 0 THEN (r2 / 10) % $S ELSE ((r1 % $C) * 7919) % $S END,
       r3 % 10 = 0, (r3 / 10) % 4 = 0, (r3 / 40) % 20 = 0, $T0 + i * $STEP
FROM r;
-- One call in five repeats a call of the last hour or so (same caller, same person): it joins.
UPDATE g SET (caller, owner) = (SELECT p.caller, p.owner FROM g AS p WHERE p.i = g.i - 1 - (g.tried * 7 + g.i * 13) % 150)
WHERE i >= 150 AND (i * 2654435761) % 5 = 0;
-- A call opens a callback unless the same caller called the same person less than $DELTA s before.
CREATE TEMP TABLE m (i INTEGER PRIMARY KEY, caller INT, owner INT, urgent INT, tried INT, again INT, t INT, start INT);
INSERT INTO m
SELECT i, caller, owner, urgent, tried, again, t,
       max(CASE WHEN opens THEN i END) OVER (PARTITION BY caller, owner ORDER BY i ROWS UNBOUNDED PRECEDING)
FROM (SELECT *, coalesce(t - lag(t) OVER (PARTITION BY caller, owner ORDER BY i) > $DELTA, 1) AS opens FROM g);
-- Callbacks numbered in the order they opened, as the library numbers them.
CREATE TEMP TABLE cb (start INTEGER PRIMARY KEY, id INT, caller INT, owner INT, opened INT, last INT, n INT,
                      urgent INT, due INT, is_last INT, live INT, r INT);
INSERT INTO cb (start, id, caller, owner, opened, last, n, urgent, due, is_last, live, r)
SELECT start, row_number() OVER (ORDER BY start), caller, owner, min(t), max(t), count(*), max(urgent),
       min(t + CASE WHEN urgent THEN 1800 ELSE 32400 END), 0, 0, random() & 9223372036854775807
FROM m GROUP BY start;
UPDATE cb SET is_last = 1 WHERE start IN (SELECT max(start) FROM m GROUP BY caller, owner);
-- The newest callbacks (the last of their caller and owner) are still owed: about 30 per person.
UPDATE cb SET live = 1 WHERE start IN (SELECT start FROM cb WHERE is_last ORDER BY start DESC LIMIT $L);
-- Callers numbered in the order of their first call.
CREATE TEMP TABLE cl (caller INTEGER PRIMARY KEY, id INT, first INT);
INSERT INTO cl SELECT caller, row_number() OVER (ORDER BY min(i)), min(t) FROM g GROUP BY caller;

INSERT INTO callers (id, phone, name, company, created_at, account_id)
SELECT id, '+813' || printf('%08d', caller), '山田' || caller,
       CASE WHEN caller % 3 = 0 THEN NULL ELSE '株式会社サンプル' || (caller % 5000) END,
       strftime('%Y-%m-%dT%H:%M:%SZ', first, 'unixepoch'), 1
FROM cl ORDER BY id;

-- Live: 7 in 10 open, 3 acknowledged. Closed: 49 in 50 done, 1 cancelled, closed before the pair's next call.
INSERT INTO callbacks (id, owner_id, caller_id, state, urgent, new_contact, not_before, not_after, due_at, repeat_count,
                       attempts, escalation_level, opened_at, acknowledged_at, closed_at, closing_note)
SELECT x.id, o.id, c.id, x.state, x.urgent, 0, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', x.due, 'unixepoch'), x.n - 1,
       x.attempts, 0, strftime('%Y-%m-%dT%H:%M:%SZ', x.opened, 'unixepoch'),
       CASE WHEN x.acked THEN strftime('%Y-%m-%dT%H:%M:%SZ', x.opened + 300, 'unixepoch') END,
       CASE WHEN NOT x.live THEN strftime('%Y-%m-%dT%H:%M:%SZ', x.closed, 'unixepoch') END,
       CASE x.state WHEN 'done' THEN 'called back' WHEN 'cancelled' THEN 'duplicate' END
FROM (SELECT *,
             CASE WHEN live THEN (CASE WHEN r % 10 < 3 THEN 'acknowledged' ELSE 'open' END)
                  WHEN r % 50 = 0 THEN 'cancelled' ELSE 'done' END AS state,
             (r % 10 < 3) AS acked,
             CASE WHEN live THEN 0 ELSE (r / 100) % 3 END AS attempts,
             min(last + 600 + (r / 1000) % ($DELTA - 600), $END) AS closed
      FROM cb) x
JOIN owners o ON o.k = x.owner JOIN cl c ON c.caller = x.caller
ORDER BY x.id;

INSERT INTO calls (id, at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome)
SELECT m.i + 1, strftime('%Y-%m-%dT%H:%M:%SZ', m.t, 'unixepoch'), c.id, o.id,
       (SELECT id FROM staff WHERE handle = 'operator1'), '山田' || m.caller,
       CASE WHEN m.caller % 3 = 0 THEN NULL ELSE '株式会社サンプル' || (m.caller % 5000) END,
       m.tried, CASE WHEN m.again THEN 'will_call_again' ELSE 'message_taken' END
FROM m JOIN owners o ON o.k = m.owner JOIN cl c ON c.caller = m.caller ORDER BY m.i;

INSERT INTO messages (id, call_id, callback_id, body, urgent, wants, not_before, not_after, new_contact)
SELECT m.i + 1, m.i + 1, x.id, '折り返しお願いします(' || m.i || ')', m.urgent,
       CASE WHEN m.again THEN 'call_again' ELSE 'callback' END, NULL, NULL, 0
FROM m JOIN cb x ON x.start = m.start ORDER BY m.i;

-- The event log in time order, with the events the library writes for these changes.
CREATE TEMP TABLE ev (at INT, seq INT, actor TEXT, subject TEXT, subject_id INT, kind TEXT, before TEXT, after TEXT, reason TEXT);
INSERT INTO ev
SELECT cl.first, 0, 'operator1', 'caller', cl.id, 'caller.added', NULL,
       json_object('name', '山田' || cl.caller,
                   'company', CASE WHEN cl.caller % 3 = 0 THEN NULL ELSE '株式会社サンプル' || (cl.caller % 5000) END,
                   'phone', '+813' || printf('%08d', cl.caller)), NULL
FROM cl;
INSERT INTO ev
SELECT m.t, 1, 'operator1', 'call', m.i + 1, 'call.taken', NULL,
       json_object('for', o.handle, 'caller_id', c.id, 'message_id', m.i + 1, 'callback_id', x.id,
                   'tried_mobile', json(CASE WHEN m.tried THEN 'true' ELSE 'false' END)), NULL
FROM m JOIN owners o ON o.k = m.owner JOIN cl c ON c.caller = m.caller JOIN cb x ON x.start = m.start;
INSERT INTO ev
SELECT m.t, 2, 'operator1', 'callback', x.id, CASE WHEN m.i = m.start THEN 'callback.opened' ELSE 'callback.joined' END,
       NULL, json_object('repeat_count', row_number() OVER (PARTITION BY m.start ORDER BY m.i) - 1), 'call ' || (m.i + 1)
FROM m JOIN cb x ON x.start = m.start;
INSERT INTO ev
SELECT unixepoch(k.opened_at) + 300, 3, o.handle, 'callback', k.id, 'callback.acknowledged',
       json_object('state', 'open'), json_object('state', 'acknowledged'), NULL
FROM callbacks k JOIN owners o ON o.id = k.owner_id WHERE k.acknowledged_at IS NOT NULL;
INSERT INTO ev
SELECT unixepoch(k.closed_at), 4, o.handle, 'callback', k.id, 'callback.' || k.state,
       json_object('state', CASE WHEN k.acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END),
       json_object('state', k.state, 'closed_at', k.closed_at, 'closing_note', k.closing_note), k.closing_note
FROM callbacks k JOIN owners o ON o.id = k.owner_id WHERE k.closed_at IS NOT NULL;
INSERT INTO events (at, actor, subject, subject_id, kind, before, after, reason)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'), actor, subject, subject_id, kind, before, after, reason
FROM ev ORDER BY at, seq, subject_id;
COMMIT;
PRAGMA journal_mode = WAL;
SQL
    [[ -z $(q "$db" "PRAGMA foreign_key_check") ]] || die "(b) the generated database breaks a foreign key"
    [[ $(q "$db" "PRAGMA quick_check") == ok ]] || die "(b) the generated database fails quick_check"
}
if [[ ! -f $DB_B ]]; then
    say "(b) generating the $LIST_MESSAGES-message database once (cached as $DB_B) ..."
    gen_started=$SECONDS
    generate_list_db "$DB_B.tmp"
    mv "$DB_B.tmp" "$DB_B"
    say "    generated in $(( SECONDS - gen_started )) s"
fi
IFS='|' read -r X X_ID X_LIVE < <(q "$DB_B" "SELECT s.handle, s.id, count(*) FROM callbacks cb JOIN staff s ON s.id = cb.owner_id
    WHERE cb.state IN ('open', 'acknowledged') GROUP BY cb.owner_id ORDER BY abs(count(*) - 35), s.id LIMIT 1")
IFS='|' read -r B_MESSAGES B_CALLERS B_STAFF B_CALLBACKS B_LIVE B_DONE B_CANCELLED B_JOINED B_EVENTS < <(q "$DB_B" "SELECT
    (SELECT count(*) FROM messages), (SELECT count(*) FROM callers), (SELECT count(*) FROM staff),
    (SELECT count(*) FROM callbacks), (SELECT count(*) FROM callbacks WHERE state IN ('open', 'acknowledged')),
    (SELECT count(*) FROM callbacks WHERE state = 'done'), (SELECT count(*) FROM callbacks WHERE state = 'cancelled'),
    (SELECT count(*) FROM callbacks WHERE repeat_count > 0), (SELECT count(*) FROM events)")
[[ -n ${X_ID:-} ]] || die "(b) nobody owns a live callback in $DB_B"
(( X_LIVE >= 20 && X_LIVE <= 50 )) || say "(b) warning: $X owns $X_LIVE live callbacks, outside 20–50"
B_SIZE=$(awk -v b="$(stat -c %s "$DB_B")" 'BEGIN { printf "%.0f MB", b / 1e6 }')
# The library's own SELECT, as the binary under test prints it, so that the two sides cannot drift apart.
source Scripts/bench/callback_list_sql.sh
LIST_SQL=$(callback_list_sql "$BENCH" "$(q "$DB_B" "SELECT account_id FROM staff WHERE id = $X_ID")" "$X_ID") \
    || die "(b) no callback SELECT from $BENCH"
say "(b) desk callbacks --for $X ($X_LIVE live callbacks) vs sqlite3 -json, $LIST_RUNS runs each, alternating ..."
"$DESK" callbacks --db "$DB_B" --for "$X" --json >/dev/null     # warm the page cache for both
sqlite3 -json "$DB_B" "$LIST_SQL" >/dev/null
b_desk=() b_shell=()
list_desk() { timed "$DESK" callbacks --db "$DB_B" --for "$X" --json; b_desk+=("$LAST_US"); cp "$WORK/out.txt" "$WORK/list-desk.json"; }
list_shell() { timed sqlite3 -json "$DB_B" "$LIST_SQL"; b_shell+=("$LAST_US"); cp "$WORK/out.txt" "$WORK/list-shell.json"; }
for (( i = 1; i <= LIST_RUNS; i++ )); do
    if (( i % 2 )); then list_desk; list_shell; else list_shell; list_desk; fi
done
# Both list the same callbacks: the same number, the same ids (the shell's first "id" is cb.id).
check_b=$(sqlite3 -batch :memory: "SELECT json_array_length(readfile('$WORK/list-desk.json')),
    json_array_length(readfile('$WORK/list-shell.json')),
    (SELECT group_concat(id) FROM (SELECT json_extract(value, '\$.id') AS id FROM json_each(readfile('$WORK/list-desk.json')) ORDER BY 1))
    = (SELECT group_concat(id) FROM (SELECT json_extract(value, '\$.id') AS id FROM json_each(readfile('$WORK/list-shell.json')) ORDER BY 1))")
IFS='|' read -r B_DESK_N B_SHELL_N B_SAME <<<"$check_b"
[[ $B_DESK_N == "$X_LIVE" && $B_SHELL_N == "$X_LIVE" && $B_SAME == 1 ]] \
    || die "(b) desk listed $B_DESK_N callbacks, the shell $B_SHELL_N, expected $X_LIVE (same ids: $B_SAME)"

# ====================================================================================== (c) inserts
say "(c) $INSERT_COUNT messages in one transaction: library vs C API, $INSERT_RUNS run(s) each ..."
DB_CS=$WORK/insert-library.sqlite
DB_CC=$WORK/insert-c.sqlite
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
c_lib=() c_c=() c_lib_s=() c_c_s=() c_pairs=()
verify_c() {   # the library and the C program wrote the same rows
    local lib c
    lib=$(q "$DB_CS" "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM callers), (SELECT count(*) FROM callbacks), (SELECT count(*) FROM calls), (SELECT count(*) FROM events)")
    c=$(q "$DB_CC" "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM callers), (SELECT count(*) FROM callbacks), (SELECT count(*) FROM calls), (SELECT count(*) FROM events)")
    [[ ${lib%%|*} == "$INSERT_COUNT" ]] || die "(c) the library wrote ${lib%%|*} messages, not $INSERT_COUNT"
    [[ $lib == "$c" ]] || die "(c) different rows (messages|callers|callbacks|calls|events): library $lib, C $c"
    C_ROWS=$lib
}
run_library() {
    local out
    rm_db "$DB_CS"
    out=$("$BENCH" insert "$DB_CS" "$INSERT_COUNT" 20 "$@")
    C_JOINED=$(field joined "$out")
    LAST_RATE=$(field rate "$out"); LAST_SECONDS=$(field seconds "$out")
}
run_c() {
    local out
    rm_db "$DB_CC"
    "$BENCH" seed "$DB_CC" 0 20 >/dev/null
    out=$("$BASELINE" "$DB_CC" "$INSERT_COUNT" 20 "$@")
    [[ $(field joined "$out") == "$C_JOINED" || -z ${C_JOINED:-} ]] || die "(c) the C program joined $(field joined "$out") callbacks, the library $C_JOINED"
    LAST_RATE=$(field rate "$out"); LAST_SECONDS=$(field seconds "$out")
}
C_JOINED=
for (( i = 1; i <= INSERT_RUNS; i++ )); do
    if (( i % 2 )); then
        run_library; c_lib+=("$LAST_RATE"); c_lib_s+=("$LAST_SECONDS")
        run_c; c_c+=("$LAST_RATE"); c_c_s+=("$LAST_SECONDS")
    else
        run_c; c_c+=("$LAST_RATE"); c_c_s+=("$LAST_SECONDS")
        run_library; c_lib+=("$LAST_RATE"); c_lib_s+=("$LAST_SECONDS")
    fi
    verify_c
    c_pairs+=("$(awk -v a="${c_lib[-1]}" -v b="${c_c[-1]}" 'BEGIN { printf "%.0f%%", 100 * a / b }')")
done
DIAG_C_SP=
if (( DIAGNOSTICS )); then
    say "(c) diagnostic row: C with a savepoint per message ..."
    run_c --savepoint; DIAG_C_SP=$LAST_RATE; DIAG_C_SP_S=$LAST_SECONDS
    verify_c
fi
rm_db "$DB_CS"; rm_db "$DB_CC"

# ====================================================================================== report
A_DESK=$(stat_of median "${a_desk[@]}"); A_SHELL=$(stat_of median "${a_shell[@]}")
A_VERSION=$(stat_of median "${a_version[@]}"); A_SHELL_VERSION=$(stat_of median "${a_shell_version[@]}")
A_BENCH=$(stat_of median "${a_bench[@]}")
B_DESK=$(stat_of median "${b_desk[@]}"); B_SHELL=$(stat_of median "${b_shell[@]}")
C_LIB=$(stat_of median "${c_lib[@]}"); C_C=$(stat_of median "${c_c[@]}")
A_RATIO=$(ratio "$A_DESK" "$A_SHELL"); B_RATIO=$(ratio "$B_DESK" "$B_SHELL")
C_PERCENT=$(awk -v a="$C_LIB" -v b="$C_C" 'BEGIN { printf "%.0f", 100 * a / b }')
verdict_ratio() {   # verdict_ratio desk_us base_us ratio
    if le "$3" 1.5; then echo "**met**"
    else awk -v d="$1" -v b="$2" -v r="$3" 'BEGIN { printf "**missed**: %.2f× (%.1f ms over the 1.5× budget of %.1f ms)", r, (d - 1.5 * b) / 1000, 1.5 * b / 1000 }'
    fi
}
A_VERDICT=$(verdict_ratio "$A_DESK" "$A_SHELL" "$A_RATIO")
B_VERDICT_RATIO=$(verdict_ratio "$B_DESK" "$B_SHELL" "$B_RATIO")
if le "$B_DESK" 20000; then B_VERDICT_ABS="**met** ($(ms "$B_DESK"))"
else B_VERDICT_ABS="**missed** by $(awk -v d="$B_DESK" 'BEGIN { printf "%.1f ms", (d - 20000) / 1000 }')"; fi
if (( C_PERCENT >= 50 )); then C_VERDICT="**met** (${C_PERCENT}%)"
else C_VERDICT="**missed**: ${C_PERCENT}% ($(( 50 - C_PERCENT )) point$( (( 50 - C_PERCENT == 1 )) || echo s) short)"; fi
rate() { printf "%s msg/s" "$(thousands "$(printf '%.0f' "$1")")"; }
spread() { echo "$(ms "$(stat_of min "$@")") – $(ms "$(stat_of max "$@")")"; }

TABLE="| Row | MessageDesk (median) | Baseline (median) | Ratio | Target | Result |
|---|---|---|---|---|---|
| (a) one \`desk log\` process, new caller | $(ms "$A_DESK") | $(ms "$A_SHELL") \`sqlite3\` shell, same rows | ${A_RATIO}× | ≤ 1.5× | $A_VERDICT |
| (a0) start-up only: \`desk --version\` | $(ms "$A_VERSION") | $(ms "$A_SHELL_VERSION") \`sqlite3 -version\` | $(ratio "$A_VERSION" "$A_SHELL_VERSION")× | (extra row) | start-up is $(awk -v v="$A_VERSION" -v d="$A_DESK" 'BEGIN { printf "%.0f%%", 100 * v / d }') of \`desk log\` |
| (a1) start-up of a Foundation-linked Swift binary without ArgumentParser: \`desk-bench\` (usage, exit) | $(ms "$A_BENCH") | $(ms "$A_SHELL_VERSION") \`sqlite3 -version\` | $(ratio "$A_BENCH" "$A_SHELL_VERSION")× | (extra row) | |
| (b) \`desk callbacks --for $X --json\`, $(thousands "$B_MESSAGES") messages, $B_DESK_N live for $X | $(ms "$B_DESK") | $(ms "$B_SHELL") \`sqlite3 -json\`, same SELECT | ${B_RATIO}× | ≤ 1.5× and ≤ 20 ms | ratio $B_VERDICT_RATIO; 20 ms $B_VERDICT_ABS |
| (c) $(thousands "$INSERT_COUNT") messages in one transaction | $(rate "$C_LIB") | $(rate "$C_C") C API | ${C_PERCENT}% of the C rate | ≥ 50% | $C_VERDICT |"
if (( DIAGNOSTICS )); then
    TABLE="$TABLE
| (c-d1) diagnostic: C API **with** SAVEPOINT/RELEASE around each message (what the library's nested writes did before they joined the outer transaction) | $(rate "$C_LIB") | $(rate "$DIAG_C_SP") | $(awk -v a="$C_LIB" -v b="$DIAG_C_SP" 'BEGIN { printf "%.0f%%", 100 * a / b }') | (diagnostic) | the savepoints alone take the C rate from $(rate "$C_C") to $(rate "$DIAG_C_SP") |"
fi

SPREAD="| Series | runs | min – max |
|---|---|---|
| (a) desk log | ${#a_desk[@]} | $(spread "${a_desk[@]}") |
| (a) sqlite3 insert | ${#a_shell[@]} | $(spread "${a_shell[@]}") |
| (a0) desk --version | ${#a_version[@]} | $(spread "${a_version[@]}") |
| (a0) sqlite3 -version | ${#a_shell_version[@]} | $(spread "${a_shell_version[@]}") |
| (a1) desk-bench (no arguments) | ${#a_bench[@]} | $(spread "${a_bench[@]}") |
| (b) desk callbacks | ${#b_desk[@]} | $(spread "${b_desk[@]}") |
| (b) sqlite3 -json | ${#b_shell[@]} | $(spread "${b_shell[@]}") |
| (c) library | ${#c_lib[@]} | $(rate "$(stat_of min "${c_lib[@]}")") – $(rate "$(stat_of max "${c_lib[@]}")") ($(stat_of median "${c_lib_s[@]}") s median) |
| (c) C API | ${#c_c[@]} | $(rate "$(stat_of min "${c_c[@]}")") – $(rate "$(stat_of max "${c_c[@]}")") ($(stat_of median "${c_c_s[@]}") s median) |
| (c) library ÷ C, run by run | ${#c_pairs[@]} | ${c_pairs[*]} |"

PROFILE_NOTES=$(cat <<'NOTES'

### Where the time goes (profiled by hand with `perf stat`, `perf record -g` and `strace`, 2026-11-22; not re-measured by the script)

- **Process start-up** (rows a, a0, a1, b). `perf stat -r 30`, CPU time per process: `sqlite3 -version`
  ~1 ms; `desk-bench` without arguments (Swift + Foundation, no ArgumentParser) ~6.6 ms (3.2 ms user,
  4.5 ms system: exec, mapping and relocating ~20 shared libraries — libswiftCore, libFoundation,
  FoundationEssentials, FoundationInternationalization, the ~30 MB lib_FoundationICU — and ~680 page faults
  against the shell's ~135); `desk --version` ~11.8 ms (7.1 ms user). The extra ~5 ms of `desk` over
  `desk-bench` is ArgumentParser: in `perf record` of 40 `desk log` runs, `parseAsRoot` holds ~32 % of all
  the process's samples, two thirds of that inside the Swift runtime's `swift_conformsToProtocol` (a linear
  scan of the conformance records of every loaded image, Foundation's included), reached from
  `ParsableCommand._commandName` → `String(describing: Self.self)` → `swift_dynamicCast` for each
  subcommand type while the command tree is built (20 of the 22 `CommandConfiguration`s in `Sources/desk`
  give no `commandName:`, so every name is derived by reflection), and from the `Decodable`/`Mirror`-based
  decoding of the options and `swift_getTypeByMangledName`. About half of all samples are the kernel and
  the dynamic loader (exec, mmap, page faults, fsync).
- **`desk log` beyond start-up** (row a): `Log.run` is ~8 % of the samples: `DeskContext.open` ~4.5 %
  (of which `DeskPolicy.standard` → `BusinessCalendar.standard` → `TimeZone(identifier:)`, loading the
  zone through ICU, ~3 %), `PhoneNumber(parsing:)` ~2 % (Unicode
  compatibility normalisation), and `takeMessage` with all its SQL under 1 %; the commit's `fdatasync`
  ~2 % of CPU samples (its wait is wall time both sides pay). The library's SQL is not what makes (a) slow.
- **`desk callbacks` beyond start-up** (row b; `perf stat`: 19.2 ms CPU, 14.9 ms user): `parseAsRoot`
  ~31 % of the samples, `Callbacks.run` ~12 %: pretty `JSONValue` rendering of 35 callbacks (~23 KB)
  ~4.5 % (`write(string:)` appends scalar by scalar), `DeskContext.open` ~4.4 % (the ICU time zone
  again ~3 %), and the query with its row decoding and priority sort ~2 %. The SELECT itself uses the
  partial index `callbacks_open_by_owner` in both processes and is not the bottleneck.
- **Inserts** (row c). Profiled before the simulator work of issue 6 (20,000-message run): each
  \`takeMessage\` inside \`inOneTransaction\` opened a SAVEPOINT (parsed by \`sqlite3_exec\` every time)
  whose statement journal went to a temp file (~22 % of the run in \`pwrite\`); \`JSONValue\` rendered
  event payloads scalar by scalar (~7 %); trimming went through \`NSString\` (~4.5 %); every callback row
  re-validated its phone number (~3.5 %); the hot SQL strings were rebuilt and hashed per call. All of
  these were changed since (nested writes join the transaction; JSON strings copy unescaped runs whole;
  \`String.trimmed\`; phone numbers checked on bytes; the hot SQL built once), and SQLite's \`IN\` lists
  in CHECK constraints, which built a temporary b-tree for every row checked, became OR chains
  (migration 0004). What is left is mostly SQLite itself running the statement sequence.
NOTES
)
IFS='|' read -r C_MESSAGES C_CALLERS C_CALLBACKS C_CALLS C_EVENTS <<<"$C_ROWS"
A_AFTER_STARTUP=$(minus "$A_DESK" "$A_VERSION"); A_SHELL_AFTER_STARTUP=$(minus "$A_SHELL" "$A_SHELL_VERSION")
B_AFTER_STARTUP=$(minus "$B_DESK" "$A_VERSION"); B_SHELL_AFTER_STARTUP=$(minus "$B_SHELL" "$A_SHELL_VERSION")

# The default output is a section of BENCHMARKS.md (other benchmarks write other sections): write
# the section apart, then splice it in between its markers below.
SECTION="$WORK/benchmark-section.md"
cat >"$SECTION" <<EOF
## The desk's write and list paths (issue 2): \`Scripts/benchmark.sh\`

Written by \`$ARGS\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) — $(( SECONDS - STARTED )) s for the whole run.
Release build with the Swift runtime and Foundation linked in (\`swift build -c release --static-swift-stdlib --scratch-path .build-bench\`, as Scripts/setup.sh installs it), revision $REVISION.
Times are medians of whole processes (wall clock, fork + exec + wait, read with bash's \`\$EPOCHREALTIME\`);
every MessageDesk figure stands beside a baseline measured in the same run, the two alternating.
These are measurements, not assertions: nothing fails on a time.

### Machine

| | |
|---|---|
| CPUs (nproc) | $(nproc) |
| CPU model | $MACHINE_CPU |
| RAM | $MACHINE_RAM |
| SQLite | $SQLITE_VERSION (the \`sqlite3\` shell and \`desk\` both use the system libsqlite3) |
| Swift | $SWIFT_VERSION |
| Kernel, file system of the databases | $(uname -sr), $FS |
| Load average at start / end | $LOAD_START / $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (the machine may be shared: alternating runs share any disturbance) |

### Results

$TABLE

Spread:

$SPREAD

### Method

- **(a) \`desk log\`** — one whole \`desk log --db … --as operator1 --for staffN --caller 佐藤花子 --phone 090… --company 株式会社テスト --message …\`
  process per run, a new phone number (a fresh caller) each run, on an on-disk database in WAL mode with
  synchronous=FULL (the library's settings), 5 salespeople and an operator and 1,000 messages of history
  (made by \`desk-bench seed\`). It opens the file, checks the schema, loads the settings, takes the message
  (caller + its event, callback, call, message, the call's and the callback's events: one \`BEGIN IMMEDIATE\`
  transaction, one fsync'd commit) and prints the two-line receipt.
  **Baseline**: one whole \`sqlite3 -batch -bail DB "…"\` process on the same file, with
  \`PRAGMA journal_mode=WAL; synchronous=FULL; foreign_keys=ON; busy_timeout=5000\`, inserting the same
  rows and columns (caller, callback, call, message and the three events with the same JSON) in one
  \`BEGIN IMMEDIATE\` transaction, ids found with sub-selects. $LOG_RUNS runs of each, alternating
  (desk first on odd runs, the shell first on even ones). Checked: each side added 1 caller, 1 message and
  3 events (\`caller.added\`, \`call.taken\`, \`callback.opened\`) per run.
- **(a0), (a1)** — the same loop also times \`desk --version\` (ArgumentParser parses, prints, exits: no
  database), \`sqlite3 -version\` and \`desk-bench\` without arguments (linked with Foundation and
  MessageDesk but not ArgumentParser: prints its usage and exits), to show what process start-up costs.
- **(b) \`desk callbacks --for $X --json\`** — a database of $(thousands "$B_MESSAGES") messages ($B_SIZE):
  $(thousands "$B_STAFF") staff, $(thousands "$B_CALLERS") callers, $(thousands "$B_CALLBACKS") callbacks ($(thousands "$B_LIVE") live,
  $(thousands "$B_DONE") done, $(thousands "$B_CANCELLED") cancelled; $(thousands "$B_JOINED") with repeat calls), $(thousands "$B_EVENTS") events.
  Generated once by SQL in the \`sqlite3\` shell (recursive CTE, window functions) on top of a schema,
  settings and staff made by the library: one call every 30 s up to today, nine in ten for the caller's
  usual salesperson, one in five a repeat of a recent call (it joins the callback), the newest ~30 per
  person still owed, the rest done (or 1 in 50 cancelled) with their events; rows only inserted, so the
  STRICT types, CHECKs and foreign keys all apply (\`foreign_key_check\` and \`quick_check\` pass). Cached as
  \`$DB_B\`. X = \`$X\`, the person whose number of live callbacks is nearest 35 ($X_LIVE).
  **Baseline**: \`sqlite3 -json DB "<callbackQuery> WHERE cb.owner_id = $X_ID AND cb.state IN ('open', 'acknowledged')"\`,
  the SELECT printed by \`desk-bench callback-query\` (the library's own text). One warm-up run each, then $LIST_RUNS runs
  each, alternating. Checked: both list the same $B_DESK_N callback ids.
- **(c) inserts** — \`desk-bench insert DB $INSERT_COUNT 20\`: a fresh database with 20 salespeople and an
  operator, then $(thousands "$INSERT_COUNT") \`takeMessage\` calls inside one \`DeskStore.inOneTransaction\`, timed from
  BEGIN to COMMIT (inputs made beforehand), with a fixed clock (one call every 15 s) and a fixed SplitMix64
  sequence of callers ($(thousands $(( INSERT_COUNT * 6 / 10 ))) possible numbers, nine calls in ten for the
  caller's usual salesperson, so $(thousands "$C_JOINED") calls join a live callback).
  **Baseline**: \`Scripts/bench/insert_baseline.c\` (\`cc -O2 … -lsqlite3\`) on a database with the same
  schema and staff, the same connection settings, the same input sequence, every statement prepared once,
  per message the statement sequence of \`takeMessage\` (owner and operator look-ups, caller look-up and
  insert with its event, presence, live-callback look-up, join update or callback insert, call, message,
  the call's event, the callback re-read, the callback's event), one transaction. Checked: both databases
  hold the same numbers of messages ($(thousands "$C_MESSAGES")), callers ($(thousands "$C_CALLERS")), callbacks ($(thousands "$C_CALLBACKS")),
  calls and events ($(thousands "$C_EVENTS")), and in a hand check the same rows byte for byte except \`due_at\`. $INSERT_RUNS run(s) of each. The C program's one simplification: the due time is
  now + 30 min / + 9 h instead of the business-hours rule (the same statements run either way).
- **(c-d1)** diagnostic: the C program with \`--savepoint\` (SAVEPOINT/RELEASE around each message, which
  is what the library did when \`takeMessage\`'s \`write\` ran inside \`inOneTransaction\`; a nested write
  now joins the outer transaction, and a failure inside it rolls the whole transaction back).

### Notes

- (a): \`desk log\` spends $(ms "$A_VERSION") of its $(ms "$A_DESK") in what \`desk --version\` also does (process
  start-up: loading the Swift runtime and Foundation, ArgumentParser building the command tree); the rest,
  $(ms "$A_AFTER_STARTUP"), is opening the database and taking the message, against $(ms "$A_SHELL_AFTER_STARTUP") for the shell
  beyond its own start-up. Both sides pay one fsync'd WAL commit and the WAL checkpoint when the last
  connection closes.
- (b): beyond start-up (\`desk --version\`), \`desk callbacks\` takes $(ms "$B_AFTER_STARTUP"); the shell beyond
  \`sqlite3 -version\` $(ms "$B_SHELL_AFTER_STARTUP").
- (c): both sides use the library's connection settings (WAL, \`synchronous = FULL\`, foreign keys,
  \`temp_store = MEMORY\`, a 64 MiB page cache); the C rate is the ceiling for this statement sequence
  with these settings. The schema is the current one (CHECK lists written as OR chains, migration 0004).
$PROFILE_NOTES
EOF

if [[ "$OUTPUT" == "BENCHMARKS.md" ]]; then
    python3 Scripts/bench/splice_section.py benchmark.sh "$SECTION" BENCHMARKS.md
else
    cp "$SECTION" "$OUTPUT"
fi

printf '\n%s\n\n%s\n\nwrote %s (%d s)\n' "$TABLE" "$SPREAD" "$OUTPUT" $(( SECONDS - STARTED ))
