#!/usr/bin/env bash
# The usage benchmark of issue 15: `desk usage --all --month 2026-11 --csv` (release build) on a desk of 200 accounts
# against the `sqlite3` shell running the same aggregate, alternating, in the same run. Not a test: it reports.
#
# The desk is generated with SQL straight into a database `desk init` made (the generator of desk-bench goes through
# takeMessage, minutes per million): 200 accounts, one salesperson each, CALLERS callers, CALLS calls spread over
# 2026-06..2026-11 (a sixth in November), one screened call (sales, wrong number, …) per twenty calls, a plan per
# account with its account.plan_set event, and a strike per account. The usage reads only those tables (calls,
# callers, screened_calls, call_strikes, accounts, and the plan events), so the calls are generated without their
# messages, callbacks and call.taken events, which it never reads.
#
# Usage: Scripts/usage-benchmark.sh [--calls N] [--callers N] [--runs N] [--no-build] [--output FILE]
#   --calls N     calls in the desk (default 1000000)
#   --callers N   callers, spread over the accounts (default 300000)
#   --runs N      runs of each side, alternating (default 21)
#   --output FILE append the report there (default: print only)
set -euo pipefail
export LC_NUMERIC=C
cd "$(dirname "$0")/.."
CALLS=1000000 CALLERS=300000 RUNS=21 BUILD=1 OUTPUT=
die() { echo "usage-benchmark.sh: $*" >&2; exit 2; }
while (( $# > 0 )); do
    case $1 in
        --calls) CALLS=${2:?}; shift ;;
        --callers) CALLERS=${2:?}; shift ;;
        --runs) RUNS=${2:?}; shift ;;
        --no-build) BUILD=0 ;;
        --output) OUTPUT=${2:?}; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done
SCRATCH=.build-bench
WORK=$SCRATCH/usage
mkdir -p "$WORK"
if (( BUILD )); then swift build -c release --scratch-path "$SCRATCH" --product desk >"$WORK/build.log" 2>&1; fi
DESK=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/desk
[[ -x $DESK ]] || die "no release desk at $DESK (build it, or drop --no-build)"
DB=$WORK/usage-$CALLS.sqlite
export DESK_DB=$DB DESK_NOW=2026-12-02T09:00:00+09:00 DESK_USER=boss

if [[ ! -f $DB ]]; then
    started=$(date +%s)
    DESK_NOW=2026-05-01T09:00:00+09:00 "$DESK" init >/dev/null
    sqlite3 "$DB" >/dev/null <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO accounts (id, code, name, greeting, created_at)
SELECT i, printf('client%03d', i), printf('クライアント%03d', i), 'はい、お電話ありがとうございます', '2026-05-01T00:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO staff (id, handle, display_name, role, created_at, account_id)
SELECT i, 'tanaka', '田中', 'salesperson', '2026-05-01T00:00:00Z', i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $CALLERS)
INSERT INTO callers (id, phone, name, created_at, account_id)
SELECT i, printf('+8131%08d', i), '山田' || i, '2026-05-01T00:00:00Z', 1 + i % 200 FROM n;
-- One call every 15 s or so from June to November: ids in time order, callers in turn.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $CALLS)
INSERT INTO calls (id, at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome)
SELECT i, strftime('%Y-%m-%dT%H:%M:%SZ', 1780272000 + i * (15811200 / $CALLS), 'unixepoch'), 1 + (i * 7919) % $CALLERS,
       1 + ((i * 7919) % $CALLERS + 1) % 200, NULL, '山田', NULL, 0, 'message_taken' FROM n;
-- The screened calls (one per twenty calls), of every outcome, with ids after the calls'.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $CALLS / 20)
INSERT INTO screened_calls (id, account_id, at, outcome, phone)
SELECT $CALLS + i, 1 + i % 200, strftime('%Y-%m-%dT%H:%M:%SZ', 1780272000 + i * 20 * (15811200 / $CALLS), 'unixepoch'),
       CASE i % 6 WHEN 0 THEN 'sales' WHEN 1 THEN 'wrong_number' WHEN 2 THEN 'silent' WHEN 3 THEN 'spam' WHEN 4 THEN 'test' ELSE 'blocked' END,
       '+81399990000' FROM n;
INSERT INTO account_plans (account_id, monthly_fee_yen, calls_included, extra_call_yen, billable, strike_cap_percent, set_at)
SELECT id, 30000, 500 + id % 7 * 100, 400, '["message","sales"]', 10, '2026-05-01T00:00:00Z' FROM accounts;
INSERT INTO events (at, actor, subject, subject_id, kind, after)
SELECT '2026-05-01T00:00:00Z', 'boss', 'setting', account_id, 'account.plan_set',
       json_object('fee_yen', monthly_fee_yen, 'calls_included', calls_included, 'extra_call_yen', extra_call_yen,
                   'billable', json(billable), 'strike_cap_percent', strike_cap_percent) FROM account_plans;
-- A strike per account, on one of its November calls.
INSERT INTO call_strikes (call_id, account_id, at, reason)
SELECT min(k.id), c.account_id, '2026-11-20T01:00:00Z', 'いたずら' FROM calls k JOIN callers c ON c.id = k.caller_id
WHERE k.at >= '2026-10-31T15:00:00Z' AND k.at < '2026-11-30T15:00:00Z' GROUP BY c.account_id;
UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM screened_calls) WHERE name = 'calls';
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
.print
SQL
    echo "generated $DB in $(( $(date +%s) - started ))s: $(sqlite3 "$DB" 'SELECT count(*) FROM calls') calls, $(sqlite3 "$DB" 'SELECT count(*) FROM screened_calls') screened" >&2
fi

# The shell's side: the same three grouped reads of November (the calls by account, the screened calls by account
# and outcome, the struck calls) and the accounts, as CSV.
BASELINE=$WORK/usage-baseline.sql
cat >"$BASELINE" <<'SQL'
.mode csv
SELECT c.account_id, count(*) FROM calls k JOIN callers c ON c.id = k.caller_id
WHERE k.at >= '2026-10-31T15:00:00Z' AND k.at < '2026-11-30T15:00:00Z' GROUP BY c.account_id;
SELECT account_id, outcome, count(*) FROM screened_calls
WHERE at >= '2026-10-31T15:00:00Z' AND at < '2026-11-30T15:00:00Z' GROUP BY account_id, outcome;
SELECT s.account_id, s.call_id, coalesce(k.at, sc.at), coalesce(sc.outcome, 'message') FROM call_strikes s
LEFT JOIN calls k ON k.id = s.call_id LEFT JOIN screened_calls sc ON sc.id = s.call_id
WHERE s.at <= '2026-11-30T15:00:00Z' AND coalesce(k.at, sc.at) >= '2026-10-31T15:00:00Z' AND coalesce(k.at, sc.at) < '2026-11-30T15:00:00Z';
SELECT a.id, a.code, a.name, (SELECT after FROM events WHERE subject = 'setting' AND subject_id = a.id AND kind = 'account.plan_set'
    AND at <= '2026-11-30T15:00:00Z' ORDER BY id DESC LIMIT 1) FROM accounts a ORDER BY code;
SQL

"$DESK" usage --all --month 2026-11 --csv >"$WORK/usage.csv"
ms() { echo "scale=1; $1 / 1000000" | bc; }
desk_times=() shell_times=()
for (( run = 0; run < RUNS; run++ )); do
    t0=$(date +%s%N); "$DESK" usage --all --month 2026-11 --csv >/dev/null; t1=$(date +%s%N)
    sqlite3 "$DB" <"$BASELINE" >/dev/null; t2=$(date +%s%N)
    desk_times+=($(( t1 - t0 ))) shell_times+=($(( t2 - t1 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
D=$(median "${desk_times[@]}") S=$(median "${shell_times[@]}")
REPORT="| \`desk usage --all --month 2026-11 --csv\` (200 accounts, $CALLS calls, $(( CALLS / 20 )) screened) | $RUNS | $(ms "$D") ms | $(ms "$S") ms \`sqlite3\` shell, same aggregate | $(echo "scale=2; $D / $S" | bc)× |"
echo "| benchmark | runs | desk median | baseline median | ratio |"
echo "|---|---|---|---|---|"
echo "$REPORT"
echo "rows: $(($(wc -l <"$WORK/usage.csv") - 1)) accounts in the invoice CSV" >&2
if [[ -n $OUTPUT ]]; then echo "$REPORT" >>"$OUTPUT"; fi
