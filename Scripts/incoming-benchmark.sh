#!/usr/bin/env bash
# The `desk incoming` benchmark of issue 15: on a desk of 200 accounts and 1,000,000 messages, the whole
# `desk incoming --to LINE --from CALLER --diversion MOBILE --json` process against the `sqlite3` shell running the
# same look-ups (the line's account, its lines, the person by mobile and their presence, the caller, their live
# callbacks with their latest message) in one process, alternating, in the same run. Target: desk ≤ 10 ms (median).
# On the same desk, in the same loop: `desk callbacks --account CODE --for HANDLE --json` against `sqlite3 -json`
# running the SELECT the store runs (printed by `desk-bench callback-query`, account scope included). Target ≤ 1.5×.
# Not a test: it reports, it never fails on a time.
#
# Usage: Scripts/incoming-benchmark.sh [--runs N] [--messages N] [--no-build]
#   --runs N        runs of each side, alternating (default 50)
#   --messages N    messages in the generated desk (default 1000000; 200 accounts, 1,500 callers and 5 salespeople each)
#   --no-build      use the release binaries (desk, desk-bench) already in .build-bench
# The desk is generated once with rows only inserted (every CHECK, key and trigger applies; no events: the
# look-ups read none) and cached under .build-bench/bench/.
set -euo pipefail
export LC_NUMERIC=C
cd "$(dirname "$0")/.."
SCRATCH=.build-bench
WORK=$SCRATCH/bench
RUNS=50 MESSAGES=1000000 BUILD=1
die() { echo "incoming-benchmark.sh: $*" >&2; exit 2; }
while (( $# > 0 )); do
    case $1 in
        --runs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive integer"; RUNS=$2; shift ;;
        --messages) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--messages needs a positive integer"; MESSAGES=$2; shift ;;
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done
mkdir -p "$WORK"
if (( BUILD )); then
    for product in desk desk-bench; do
        swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product $product >>"$WORK/incoming-build.log" 2>&1 \
            || die "the release build of $product failed (see $WORK/incoming-build.log)"
    done
fi
BIN=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)
DESK=$BIN/desk BENCH=$BIN/desk-bench
[[ -x $DESK && -x $BENCH ]] || die "no release desk and desk-bench in $BIN (run without --no-build)"

ACCOUNTS=200 CALLERS=1500 STAFF=5
DB=$WORK/incoming-v2-${MESSAGES}m.sqlite
if [[ ! -f $DB ]]; then
    echo "generating the $MESSAGES-message desk of $ACCOUNTS accounts once (cached as $DB) ..." >&2
    rm -f "$DB" "$DB-wal" "$DB-shm"
    DESK_DB=$DB DESK_NOW=2026-11-02T09:00:00+09:00 "$DESK" init --account a000 >/dev/null
    LIVE=$(( ACCOUNTS * CALLERS / 10 ))
    sqlite3 -batch -bail "$DB" >/dev/null <<SQL
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
BEGIN;
UPDATE accounts SET name = '株式会社000', greeting = 'はい、株式会社000でございます', reading = 'かぶしきがいしゃ000' WHERE id = 1;
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k + 1 < $ACCOUNTS)
INSERT INTO accounts (id, code, name, greeting, reading, created_at)
SELECT k + 1, 'a' || printf('%03d', k), '株式会社' || printf('%03d', k), 'はい、株式会社' || printf('%03d', k) || 'でございます',
       'かぶしきがいしゃ' || printf('%03d', k), '2026-11-01T00:00:00Z' FROM n;
-- Two lines an account: 050-000A-AAj (account number AAA, line j = 1, 2).
INSERT INTO account_lines (account_id, phone, added_at)
SELECT id, '+8150' || '0000' || printf('%03d', id - 1) || j, '2026-11-01T00:00:00Z'
FROM accounts, (SELECT 1 AS j UNION ALL SELECT 2) ORDER BY id, j;
INSERT INTO staff (handle, display_name, role, created_at) VALUES ('operator1', 'オペレーター', 'operator', '2026-11-01T00:00:00Z');
-- Five salespeople an account, the same handles in each, every one with a mobile of their own.
WITH RECURSIVE s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j + 1 < $STAFF)
INSERT INTO staff (handle, display_name, role, mobile, created_at, account_id)
SELECT 'sales' || j, '営業' || j, 'salesperson', '+8190' || printf('%08d', (a.id - 1) * $STAFF + j), '2026-11-01T00:00:00Z', a.id
FROM accounts a, s ORDER BY a.id, j;
-- 1,500 callers an account with the same numbers in every account: 03-0000-0000 … 03-0000-1499.
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < $ACCOUNTS * $CALLERS)
INSERT INTO callers (id, phone, name, company, created_at, account_id)
SELECT i + 1, '+813' || printf('%08d', i % $CALLERS), '山田' || i, '株式会社サンプル' || (i % 5000), '2026-11-01T00:00:00Z',
       i / $CALLERS + 1 FROM c;
-- Message i comes from caller i mod 300,000 for one of their account's salespeople; each opens its callback, and
-- only the newest (one in ten callers) are still owed: the others were called back.
CREATE TEMP TABLE g (i INTEGER PRIMARY KEY, caller INT, owner INT, t TEXT, live INT);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $MESSAGES)
INSERT INTO g
SELECT i, i % ($ACCOUNTS * $CALLERS) + 1,
       (SELECT id FROM staff WHERE account_id = (i % ($ACCOUNTS * $CALLERS)) / $CALLERS + 1 AND handle = 'sales' || (i / 7 % $STAFF)),
       strftime('%Y-%m-%dT%H:%M:%SZ', unixepoch('2026-11-02T00:00:00Z') + i * 2, 'unixepoch'), i >= $MESSAGES - $LIVE
FROM n;
INSERT INTO callbacks (id, owner_id, caller_id, state, urgent, new_contact, due_at, opened_at, closed_at, closing_note)
SELECT i + 1, owner, caller, CASE WHEN live THEN 'open' ELSE 'done' END, 0, 0,
       strftime('%Y-%m-%dT%H:%M:%SZ', unixepoch(t) + 32400, 'unixepoch'), t,
       CASE WHEN live THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', unixepoch(t) + 600, 'unixepoch') END,
       CASE WHEN live THEN NULL ELSE 'called back' END
FROM g ORDER BY i;
INSERT INTO calls (id, at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome, line_id)
SELECT i + 1, t, caller, owner, (SELECT id FROM staff WHERE handle = 'operator1'), '山田' || (caller - 1), NULL, 0,
       'message_taken', ((caller - 1) / $CALLERS) * 2 + 1
FROM g ORDER BY i;
INSERT INTO messages (id, call_id, callback_id, body, urgent, wants, new_contact)
SELECT i + 1, i + 1, i + 1, '折り返しお願いします(' || i || ')', 0, 'callback', 0 FROM g ORDER BY i;
COMMIT;
PRAGMA journal_mode = WAL;
ANALYZE;
SQL
    [[ -z $(sqlite3 "$DB" "PRAGMA foreign_key_check") ]] || die "the generated desk breaks a foreign key"
fi

# A call to an account's second line from a caller who is owed a callback there, diverted from sales2's mobile.
ACCOUNT=$(sqlite3 "$DB" "SELECT c.account_id FROM callbacks cb JOIN callers c ON c.id = cb.caller_id
                         WHERE cb.state = 'open' ORDER BY cb.id DESC LIMIT 1")
CALLER=$(sqlite3 "$DB" "SELECT c.phone FROM callbacks cb JOIN callers c ON c.id = cb.caller_id
                        WHERE c.account_id = $ACCOUNT AND cb.state = 'open' ORDER BY cb.id LIMIT 1")
LINE=$(sqlite3 "$DB" "SELECT phone FROM account_lines WHERE account_id = $ACCOUNT ORDER BY id DESC LIMIT 1")
MOBILE=$(sqlite3 "$DB" "SELECT mobile FROM staff WHERE account_id = $ACCOUNT AND handle = 'sales2'")
[[ -n $CALLER && -n $LINE && -n $MOBILE ]] || die "the generated desk has no open callback in account $ACCOUNT"
NOW=2026-11-20T10:00:00+09:00
# The same look-ups, in the shell, in one process.
SQL="SELECT id, account_id FROM account_lines WHERE phone = '$LINE' AND removed_at IS NULL;
SELECT id, code, name, greeting, reading, aliases, notes, created_at, closed_at FROM accounts WHERE id = $ACCOUNT;
SELECT phone FROM account_lines WHERE account_id = $ACCOUNT AND removed_at IS NULL ORDER BY id;
SELECT s.id, s.handle, s.display_name, s.role, s.mobile FROM staff s WHERE s.account_id = $ACCOUNT AND s.mobile = '$MOBILE' ORDER BY s.handle LIMIT 1;
SELECT status, since, until, note FROM presence WHERE staff_id = (SELECT id FROM staff WHERE account_id = $ACCOUNT AND mobile = '$MOBILE') ORDER BY id DESC LIMIT 1;
SELECT id, name, company FROM callers WHERE account_id = $ACCOUNT AND phone = '$CALLER';
SELECT cb.id, s.handle, s.display_name, cl.id, cl.name, cl.company, cl.phone, cb.state, cb.urgent, cb.new_contact,
       cb.not_before, cb.not_after, cb.due_at, cb.repeat_count, cb.attempts, cb.escalation_level, cb.opened_at,
       cb.acknowledged_at, cb.closed_at, cb.closing_note, m.body, m.wants, cb.buyer_type, cb.sensitive, rf.handle, cl.account_id
FROM callbacks cb JOIN staff s ON s.id = cb.owner_id LEFT JOIN staff rf ON rf.id = cb.routed_from_id
JOIN callers cl ON cl.id = cb.caller_id JOIN messages m ON m.id = (SELECT max(id) FROM messages WHERE callback_id = cb.id)
WHERE cb.caller_id = (SELECT id FROM callers WHERE account_id = $ACCOUNT AND phone = '$CALLER')
  AND cb.state IN ('open', 'acknowledged');"

# The list: the same account's sales2, who owes about 30 live callbacks there, in the store's own SELECT with its
# placeholders (the account, then the owner) filled in.
CODE=$(sqlite3 "$DB" "SELECT code FROM accounts WHERE id = $ACCOUNT")
OWNER_ID=$(sqlite3 "$DB" "SELECT id FROM staff WHERE account_id = $ACCOUNT AND handle = 'sales2'")
OWNER_LIVE=$(sqlite3 "$DB" "SELECT count(*) FROM callbacks WHERE owner_id = $OWNER_ID AND state IN ('open', 'acknowledged')")
source Scripts/bench/callback_list_sql.sh
LIST_SQL=$(callback_list_sql "$BENCH" "$ACCOUNT" "$OWNER_ID") || die "no callback SELECT from $BENCH"
list_desk_run() { DESK_DB=$DB DESK_NOW=$NOW "$DESK" callbacks --account "$CODE" --for sales2 --json; }
list_shell_run() { sqlite3 -batch -json "$DB" "$LIST_SQL"; }
list_desk_run >"$WORK/callbacks-desk.json"
list_shell_run >"$WORK/callbacks-shell.json"
# Both print the same rows: the same callbacks (the shell's first "id" is cb.id), owner, phone and latest message.
rows() { sqlite3 -batch :memory: "SELECT json_array_length(readfile('$1')), (SELECT group_concat(r, ';') FROM (SELECT
    json_extract(value, '\$.id') || '|' || json_extract(value, '\$.$2') || '|' || json_extract(value, '\$.phone') || '|'
    || json_extract(value, '\$.$3') AS r FROM json_each(readfile('$1')) ORDER BY json_extract(value, '\$.id')))"; }
DESK_ROWS=$(rows "$WORK/callbacks-desk.json" owner message) SHELL_ROWS=$(rows "$WORK/callbacks-shell.json" handle body)
[[ $DESK_ROWS == "$OWNER_LIVE|"* && $DESK_ROWS == "$SHELL_ROWS" ]] \
    || die "desk callbacks and the shell differ, or list other than sales2's $OWNER_LIVE (see $WORK/callbacks-*.json)"
desk_run() { DESK_DB=$DB DESK_NOW=$NOW "$DESK" incoming --to "$LINE" --from "$CALLER" --diversion "$MOBILE" --json; }
shell_run() { sqlite3 -batch -json "$DB" "$SQL"; }
desk_run >"$WORK/incoming-desk.json"
shell_run >"$WORK/incoming-shell.json"
grep -q '"callbacks": \[$' "$WORK/incoming-desk.json" && grep -q '"handle": "sales2"' "$WORK/incoming-desk.json" \
    || die "desk incoming did not find the person and the callback (see $WORK/incoming-desk.json)"
timed() { local t0=${EPOCHREALTIME/./} ; "$@" >/dev/null; local t1=${EPOCHREALTIME/./}; LAST_US=$(( t1 - t0 )); }
# Control rows, alternating with the rest: the process alone (`desk --version`), and the process with the store
# opened (`desk account show`), so that what the look-ups themselves cost can be read off.
version_run() { "$DESK" --version; }
open_run() { DESK_DB=$DB DESK_NOW=$NOW "$DESK" account show a000 --json; }
# And the shell's own floor: its process with the desk opened and one trivial read of the schema.
shell_open_run() { sqlite3 -batch "$DB" "SELECT count(*) FROM accounts WHERE id = 1"; }
desk_us=() shell_us=() version_us=() open_us=() list_desk_us=() list_shell_us=() shell_open_us=()
for (( r = 0; r < RUNS; r++ )); do
    timed desk_run; desk_us+=("$LAST_US")
    timed shell_run; shell_us+=("$LAST_US")
    timed list_desk_run; list_desk_us+=("$LAST_US")
    timed list_shell_run; list_shell_us+=("$LAST_US")
    timed version_run; version_us+=("$LAST_US")
    timed open_run; open_us+=("$LAST_US")
    timed shell_open_run; shell_open_us+=("$LAST_US")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
D=$(median "${desk_us[@]}") S=$(median "${shell_us[@]}") V=$(median "${version_us[@]}") O=$(median "${open_us[@]}")
LD=$(median "${list_desk_us[@]}") LS=$(median "${list_shell_us[@]}") SO=$(median "${shell_open_us[@]}")
messages=$(sqlite3 "$DB" "SELECT count(*) FROM messages") accounts=$(sqlite3 "$DB" "SELECT count(*) FROM accounts")
awk -v d="$D" -v s="$S" -v v="$V" -v o="$O" -v ld="$LD" -v ls="$LS" -v so="$SO" -v code="$CODE" -v live="$OWNER_LIVE" \
    -v n="$RUNS" -v m="$messages" -v a="$accounts" 'BEGIN {
    printf "| `desk incoming --json` (%d accounts, %d messages) | %.1f ms | %.1f ms (sqlite3 shell, same look-ups) | %.2f | ≤ 10 ms | %s |\n",
           a, m, d / 1000, s / 1000, d / s, (d <= 10000 ? "**met**" : "**missed**")
    printf "| control: `desk --version` (the process alone) | %.1f ms | | | | |\n", v / 1000
    printf "| control: `desk account show --json` (the process and the store opened) | %.1f ms | | | | |\n", o / 1000
    printf "| `desk callbacks --account %s --for sales2 --json` (%d live) | %.1f ms | %.1f ms (`sqlite3 -json`, the store'"'"'s SELECT) | %.2f | ≤ 1.5× | %s |\n",
           code, live, ld / 1000, ls / 1000, ld / ls, (ld <= 1.5 * ls ? "**met**" : sprintf("**missed** by %.1f ms", (ld - 1.5 * ls) / 1000))
    printf "| control: `sqlite3` opening the desk for one trivial read (the shell'"'"'s floor) | | %.1f ms | | | |\n", so / 1000
    printf "(%d runs of each, alternating; medians of whole processes)\n", n
}'
