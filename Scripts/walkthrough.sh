#!/usr/bin/env bash
# The README's five-minute walkthrough, run for real and checked: an operator takes messages while
# the salesperson is in a meeting, a repeat call joins the open callback, the salesperson comes back
# and works the list, an overdue callback is escalated by hand. Every step's outcome is checked;
# the script stops at the first surprise and says which step it was; the README's "### The record"
# (history, the CSV, the settings) and the board in "## At the desk" must be its transcript exactly.
# Then, on a desk of its own, the README's answering service: three client companies, one operator
# pool, a call to each, the month's usage; that section's transcript must be the README's text
# exactly (a diff shows any difference).
#
#   Scripts/walkthrough.sh                 # uses the release build (swift build -c release)
#   DESK=.build/debug/desk Scripts/walkthrough.sh
#
# It works on a fresh temporary database (removed on exit) with a fixed clock (DESK_NOW), so its
# output is the same on every run; the README shows that output.
set -euo pipefail

# A relative $DESK is relative to where the script was started.
if [[ -n "${DESK:-}" && "$DESK" != /* ]]; then DESK="$PWD/$DESK"; fi
cd "$(dirname "$0")/.."
if [[ -z "${DESK:-}" ]]; then
    DESK="$(swift build -c release --show-bin-path)/desk"
fi
if [[ ! -x "$DESK" ]]; then
    echo "walkthrough: no desk binary at $DESK; build it with \`swift build -c release\` or set DESK=PATH" >&2
    exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/desk-walkthrough.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# A clean environment: nothing from the user's own desk leaks in.
unset DESK_USER DESK_BUSY_TIMEOUT DESK_AMBIGUOUS_WIDTH XDG_DATA_HOME
export NO_COLOR=1
export DESK_DB="$WORK/desk.sqlite"
export DESK_NOW=2026-11-20T10:15:00+09:00   # a Friday morning in Tokyo

STEP="start"
CHECKS=0
OUT=""
ERR=""
RC=0

# MARK: - Helpers

step() {
    STEP="$1"
    printf '\n### %s\n' "$1"
}

fail() {
    echo "walkthrough: FAILED at step '$STEP': $1" >&2
    if [[ -n "$OUT" ]]; then printf -- '--- stdout:\n%s\n' "$OUT" >&2; fi
    if [[ -n "$ERR" ]]; then printf -- '--- stderr:\n%s\n' "$ERR" >&2; fi
    exit 1
}

# Runs desk with the arguments, shows it like a terminal session, keeps stdout, stderr and the exit code.
run() {
    local shown="" arg
    for arg in "$@"; do
        # Quote only what a shell would split or expand; Japanese text stays readable.
        if [[ -z "$arg" || "$arg" == *[[:space:]\'\"\$\`\\\*\?\;\&\|\<\>\(\)\#\!\~]* ]]; then
            arg="'${arg//\'/\'\\\'\'}'"
        fi
        shown+=" $arg"
    done
    show "\$ desk$shown"
    SHOWN_ARGS="$shown"
    if OUT="$("$DESK" "$@" 2>"$WORK/stderr")"; then RC=0; else RC=$?; fi
    ERR="$(cat "$WORK/stderr")"
    if [[ -n "$OUT" ]]; then show "$OUT"; fi
    # The transcript shows stderr in place, as a terminal would.
    if [[ -n "$ERR" ]]; then show "$ERR"; fi
}

# Prints a transcript line, and keeps it in $TRANSCRIPT too while a README section is being recorded.
show() {
    printf '%s\n' "$1"
    if [[ -n "${TRANSCRIPT:-}" ]]; then printf '%s\n' "$1" >>"$TRANSCRIPT"; fi
}

# shown_export NAME=VALUE: exports it, and shows it as the README does.
shown_export() {
    show "\$ export $1"
    export "${1?}"
}

# The plain ``` blocks of the README section under HEADING (`## Name` or `### Name`, to the next heading of
# its level or above), one after another: what its transcript must be, line for line.
readme_blocks() {
    awk -v heading="$1" '
        BEGIN { level = index(heading, " ") - 1 }
        $0 == heading { inside = 1; next }
        inside && /^#+ / && index($0, " ") - 1 <= level { exit }
        # A fence with a language (```sh) opens a block that is not a transcript.
        inside && /^```/ { if (fence) { fence = 0; block = 0 } else { fence = 1; block = ($0 == "```") }; next }
        inside && block { print }
    ' README.md
}

# expect_readme_block: the last command's transcript (`$ desk …` and what it printed) is the README's block that
# starts with that same command line, exactly.
expect_readme_block() {
    local shown="\$ desk${SHOWN_ARGS}"
    awk -v shown="$shown" '$0 == shown { inside = 1 } inside && /^```/ { exit } inside { print }' README.md >"$WORK/readme-block"
    [[ -s "$WORK/readme-block" ]] || fail "README.md has no block that starts with: $shown"
    { printf '%s\n' "$shown"; [[ -z "$OUT" ]] || printf '%s\n' "$OUT"; } >"$WORK/run-block"
    diff -u --label "README.md: $shown" --label "desk's output" "$WORK/readme-block" "$WORK/run-block" >&2 \
        || fail "the README's block for '$shown' differs from desk's output (diff above)"
    pass
}

# expect_readme HEADING: the transcript recorded since TRANSCRIPT was set is the README section's blocks, exactly
# (HEADING as in the README, `## Name` or `### Name`).
expect_readme() {
    local expected="$WORK/readme-blocks" actual="$WORK/transcript-shown"
    readme_blocks "$1" >"$expected"
    [[ -s "$expected" ]] || fail "README.md has no section '$1' with \`\`\` blocks"
    # The README shows the scratch directory as /tmp/service, and CSV's CRLF line ends as plain lines.
    sed -e "s|$WORK/service|/tmp/service|g" -e $'s/\r$//' "$TRANSCRIPT" >"$actual"
    diff -u --label "README.md $1" --label "desk's output" "$expected" "$actual" >&2 \
        || fail "the README section '$1' differs from desk's output (diff above)"
    TRANSCRIPT=""
    pass
}

pass() { CHECKS=$((CHECKS + 1)); }

expect_rc() {
    [[ "$RC" == "$1" ]] || fail "expected exit code $1, got $RC"
    pass
}

# expect_out TEXT: stdout contains TEXT (a fixed string).
expect_out() {
    grep -qF -- "$1" <<<"$OUT" || fail "expected stdout to contain: $1"
    pass
}

expect_err() {
    grep -qF -- "$1" <<<"$ERR" || fail "expected stderr to contain: $1"
    pass
}

expect_no_err() {
    [[ -z "$ERR" ]] || fail "expected nothing on stderr"
    pass
}

# expect_json PYTHON-EXPRESSION: true of the JSON on stdout, bound to `d`.
expect_json() {
    python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
sys.exit(0 if eval(sys.argv[1]) else 1)
' "$1" <<<"$OUT" || fail "expected the JSON to satisfy: $1"
    pass
}

# MARK: - The office opens

step "create the desk"
run init
expect_rc 0
[[ "$OUT" == "$DESK_DB" ]] || fail "desk init should print the database path $DESK_DB"
pass
[[ "$(stat -c %a "$DESK_DB")" == 600 ]] || fail "the database should be readable by its owner only (0600)"
pass

step "add the staff"
run staff add boss --name 部長 --role manager
expect_rc 0; expect_out "added boss (部長), manager"
run staff add suzuki --name 鈴木花子
expect_rc 0; expect_out "added suzuki (鈴木花子), salesperson"
run staff add tanaka --name 田中一郎 --mobile 090-1234-5678 --substitute suzuki --escalate-to boss
expect_rc 0; expect_out "added tanaka (田中一郎), salesperson"
run staff add sato --name 佐藤 --role operator
expect_rc 0; expect_out "added sato (佐藤), operator"
run staff list
expect_out "tanaka  田中一郎  salesperson  090-1234-5678  suzuki      boss"

step "tanaka goes to a meeting"
run away tanaka --until 15:00 --reason meeting --note 客先訪問
expect_rc 0; expect_out "tanaka is in a meeting until 15:00 (客先訪問)"

# MARK: - The operator

export DESK_USER=sato
step "sato takes a message for tanaka (10:15)"
run log --for tanaka --caller 山田太郎 --company ＡＢＣ商事 --phone 03-1234-5678 \
    --message "見積りの件で折り返しください" --tried-mobile
expect_rc 0
expect_out "saved: opened callback #1 for tanaka (田中一郎), due 18:00"
expect_out "tanaka is in a meeting until 15:00 (客先訪問)"
expect_out "substitute: suzuki"
run board
expect_rc 0
expect_readme_block

export DESK_NOW=2026-11-20T10:40:00+09:00
step "the same caller calls again, now urgent (10:40)"
run log --for tanaka --caller 山田太郎 --company ＡＢＣ商事 --phone "+81 3 1234 5678" \
    --message "至急お願いします" --urgent
expect_rc 0
expect_out "joined open callback #1 (call 2 from this caller)"
expect_out "due 11:10"

export DESK_NOW=2026-11-20T10:50:00+09:00
step "another caller wants a callback by 16:00 (10:50)"
run log --for tanaka --caller 高橋 --company 東都建設 --phone 045-987-6543 --message "納期の確認" --by 16:00
expect_rc 0
expect_out "saved: opened callback #2 for tanaka (田中一郎), due 16:00"

step "the list of callbacks"
run callbacks
expect_rc 0
[[ "$(wc -l <<<"$OUT")" -eq 3 ]] || fail "expected a header and two callbacks"
pass
[[ "$(sed -n 2p <<<"$OUT")" == *" 1 "*"open urgent ×2"* ]] || fail "the urgent repeat call should be first"
pass

step "tanaka's callbacks as JSON"
run callbacks --for tanaka --json
expect_rc 0
expect_json 'len(d) == 2 and [c["id"] for c in d] == [1, 2]'
expect_json 'd[0]["urgent"] and d[0]["repeat_count"] == 1 and d[0]["phone"] == "+81312345678"'
expect_json 'd[0]["priority"] > d[1]["priority"] and d[1]["due_at"] == "2026-11-20T16:00:00+09:00"'
expect_json 'all(c["state"] == "open" and c["owner"] == "tanaka" for c in d)'

export DESK_NOW=2026-11-20T11:30:00+09:00
step "half an hour later the urgent callback is overdue (11:30)"
run callbacks --overdue --json
expect_rc 0
expect_json '[c["id"] for c in d] == [1] and d[0]["overdue"]'
run show 1
expect_rc 0
expect_out "Callback #1 — open, due 11:10 (overdue by 20m), URGENT"
expect_out "Calls:     2; attempts 0; escalation level 0"
expect_out "taken by sato, wants callback, tried mobile"

# MARK: - The salesperson

export DESK_USER=tanaka
step "tanaka is back and works the list (11:30)"
run back tanaka
expect_rc 0; expect_out "tanaka is in the office"
run ack 1
expect_rc 0; expect_out "acknowledged callback #1 — acknowledged, owner tanaka"
run attempt 1 --note 留守電
expect_rc 0; expect_out "attempt 1 recorded on callback #1"

export DESK_NOW=2026-11-20T11:45:00+09:00
step "tanaka reaches the caller (11:45)"
run "done" 1 --note "見積りを月曜に送付で合意"
expect_rc 0; expect_out "done: callback #1 — done, owner tanaka"
run callbacks --for tanaka --json
expect_json '[c["id"] for c in d] == [2]'

step "a closed callback cannot change"
run "done" 1
expect_rc 65; expect_err "desk: error: callback #1 is done; a closed callback cannot change"

# MARK: - The operator again

export DESK_USER=sato
step "tanaka goes out again: callback #2 goes to suzuki"
run reassign 2 --to suzuki --reason "田中は外出"
expect_rc 0; expect_out "reassigned callback #2 — open, owner suzuki, due 16:00"

export DESK_NOW=2026-11-20T16:30:00+09:00
step "16:30: callback #2 is overdue, sato escalates it by hand"
run callbacks --overdue
expect_rc 0; expect_out "open overdue"
run escalate 2 --to boss --reason "16:00の期限を過ぎた"
expect_rc 0; expect_out "escalated (level 1) callback #2 — open, owner boss"

step "a message that needs no callback after all"
run log --for suzuki --caller 伊藤 --phone 0312345679 --message "資料請求" --wants info
expect_rc 0; expect_out "saved: opened callback #3 for suzuki (鈴木花子)"
run cancel 3 --reason "メールで資料送付済み"
expect_rc 0; expect_out "cancelled callback #3 — cancelled, owner suzuki"

# MARK: - The record

step "what happened to callback #1"
run history 1 --json
expect_json 'len(d) == 7 and [e["actor"] for e in d].count("tanaka") == 3'
# The README's "### The record" is this transcript, exactly (expect_readme below).
TRANSCRIPT="$WORK/transcript"
: >"$TRANSCRIPT"
run history 1
expect_rc 0
for kind in call.taken callback.opened callback.joined callback.acknowledged callback.attempted callback.done; do
    expect_out "$kind"
done

step "every callback, for a spreadsheet"
run callbacks --state all --csv
expect_rc 0
expect_out "id,owner,state,urgent,priority,due_at,overdue,repeat_count,attempts,caller,company,phone,message,wants,opened_at,closed_at"
[[ "$(grep -c $'\r$' <<<"$OUT")" -eq 4 ]] || fail "expected a header and three CRLF records"
pass
expect_out "2,boss,open,0,"

step "the office's settings"
run config show
expect_rc 0
expect_out "urgent_due_minutes         30"
expect_out "priority.overdue_per_hour  3"
expect_readme "### The record"

# MARK: - Buyer types, substitutes, sensitive messages

# Monday 2026-11-23 is 勤労感謝の日: the office is closed, so the walkthrough goes on on Tuesday.
export DESK_NOW=2026-11-24T10:00:00+09:00
step "Tuesday: tanaka takes a day off, the office lists sensitive words (10:00)"
run away tanaka --until "2026-11-25 09:00" --reason off
expect_rc 0; expect_out "tanaka is on a day off until 11-25 09:00"
run config set sensitive_keywords "給与,人事,訴訟"
expect_rc 0; expect_out "sensitive_keywords = 給与,人事,訴訟"

step "a type ① buyer (many vendors) for tanaka goes to his substitute"
run log --for tanaka --caller 中村 --company 北斗物産 --phone 052-111-2222 \
    --message "他社とも比較中。早めに連絡がほしい" --vendors many --proceed messages
expect_rc 0
expect_out "saved: opened callback #4 for suzuki (鈴木花子), due 12:00"
expect_out "routed to suzuki (substitute; tanaka is on a day off until 11-25 09:00)"

step "a type ② buyer (no other vendors) waits for tanaka"
run log --for tanaka --caller 小林 --company 南星工業 --phone 092-333-4444 \
    --message "導入を検討中。詳しい説明を聞きたい" --vendors none --proceed meeting
expect_rc 0
expect_out "saved: opened callback #5 for tanaka (田中一郎), due 18:00"
expect_out "stays with tanaka: buyer type ② wants the right person — prepare details"

step "a message with a sensitive word"
run log --for suzuki --caller 加藤 --phone 03-5555-6666 --message "人事の件でご相談"
expect_rc 0; expect_out "saved: opened callback #6 for suzuki (鈴木花子), due 18:00"

step "the list: type ① first, prepare details for type ②, no sensitive words"
run callbacks
expect_rc 0
expect_out "open prepare details"
expect_out "(sensitive — see desk show 6)"
[[ "$OUT" != *"人事"* ]] || fail "the list shows a sensitive message's words"
pass
run callbacks --json
expect_json '[c["buyer_type"] for c in d if c["id"] in (4, 5)] == ["type1", "type2"]'
expect_json '[(c["message"], c["sensitive"]) for c in d if c["id"] == 6] == [(None, True)]'
expect_json '[c["routed_from"] for c in d if c["id"] == 4] == ["tanaka"]'
run show 4
expect_rc 0
expect_out "Owner:     suzuki (鈴木花子), routed from tanaka (away at the call)"
expect_out "Buyer:     type ① — compares many vendors; the first response wins (score +3)"
run show 6
expect_out "人事の件でご相談"

export DESK_NOW=2026-11-24T11:00:00+09:00
step "tanaka comes in after all; callback #4 goes back to him by command (11:00)"
run back tanaka
expect_rc 0
run reassign 4 --back
expect_rc 0; expect_out "reassigned callback #4 — open, owner tanaka, due 12:00"

# MARK: - Mistakes

step "an unknown handle is bad data (65)"
run callbacks --for nobody
expect_rc 65; expect_err "desk: error: no staff member 'nobody'"

step "an impossible time is bad data (65)"
run log --for tanaka --caller 山田太郎 --phone 03-1234-5678 --message test --by 25:00
expect_rc 65; expect_err "desk: error: --by: '25:00' is not a time"

step "a missing database is reported, not created (66)"
run callbacks --db "$WORK/missing.sqlite"
expect_rc 66; expect_err "desk: error: no database at $WORK/missing.sqlite; create it with \`desk init\`"
[[ ! -e "$WORK/missing.sqlite" ]] || fail "a read must not create a database"
pass

step "a usage mistake (64)"
run callbacks --state everything
expect_rc 64

# MARK: - An answering service: three client companies

# README "An answering service: three client companies", run on a desk of its own; the whole transcript
# of the section must be the README's blocks, line for line (expect_readme).
mkdir "$WORK/service"
unset DESK_USER
export DESK_DB="$WORK/service/desk.sqlite"
export DESK_NOW=2026-11-24T09:00:00+09:00   # Tuesday; Monday 11-23 was 勤労感謝の日
TRANSCRIPT="$WORK/transcript"
: >"$TRANSCRIPT"

step "service: three client companies, each with its greeting and line"
run init --account kensetsu
expect_rc 0
run account set kensetsu --name 山田建設株式会社 --greeting はい、山田建設でございます --reading やまだけんせつ --alias 山田建設
expect_rc 0
run account line add kensetsu 03-5000-0001
expect_rc 0
run account add clinic --name さくら内科クリニック --greeting はい、さくら内科クリニックでございます \
    --reading さくらないかくりにっく --alias さくら内科 --line 03-5000-0002
expect_rc 0; expect_out "added clinic (さくら内科クリニック)"
run account add law --name 青葉法律事務所 --greeting はい、青葉法律事務所でございます \
    --reading あおばほうりつじむしょ --alias 青葉法律 --line 03-5000-0003
expect_rc 0; expect_out "added law (青葉法律事務所)"
run account list
expect_rc 0
[[ "$(wc -l <<<"$OUT")" -eq 4 ]] || fail "expected a header and three accounts"
pass

step "service: the operator pool and each client's people"
run staff add boss --name 部長 --role manager
expect_rc 0
run staff add sato --name 佐藤 --role operator
expect_rc 0
run staff add kimura --name 木村 --role operator
expect_rc 0
run staff add tanaka --name 田中一郎 --mobile 090-1111-2222 --account kensetsu
expect_rc 0
run staff add suzuki --name 鈴木医師 --account clinic
expect_rc 0
run staff add tanaka --name 田中弁護士 --mobile 090-3333-4444 --account law
expect_rc 0

step "service: a plan each, a block list for the law office"
shown_export DESK_USER=boss
run account plan kensetsu --fee 10000 --included 30 --extra 300 --billable message,sales
expect_rc 0
run account plan clinic --fee 15000 --included 50 --extra 250
expect_rc 0
run account plan law --fee 20000 --included 40 --extra 500
expect_rc 0
run account block law 03-6666-0000 --note しつこい営業
expect_rc 0; expect_out "blocked 03-6666-0000 for law"

step "service: a call to the construction firm, diverted from tanaka's mobile"
shown_export DESK_USER=sato
run away tanaka --account kensetsu --until 15:00 --reason out --note 現場
expect_rc 0; expect_out "tanaka is out until 15:00 (現場)"
shown_export DESK_NOW=2026-11-24T10:00:00+09:00
run incoming --to 03-5000-0001 --from 03-1234-5678 --diversion 090-1111-2222
expect_rc 0
expect_out "greeting:  はい、山田建設でございます（やまだけんせつ）"
expect_out "person:    tanaka 田中一郎 — out until 15:00 (現場)"
run log --line 03-5000-0001 --for tanaka --caller 山田太郎 --company ＡＢＣ商事 --phone 03-1234-5678 --message 見積りの件で折り返しください
expect_rc 0; expect_out "saved: opened callback #1 for tanaka (田中一郎)"

step "service: the same number calls the clinic: a new caller there"
shown_export DESK_NOW=2026-11-24T10:10:00+09:00
run incoming --to 03-5000-0002 --from 03-1234-5678
expect_rc 0
expect_out "greeting:  はい、さくら内科クリニックでございます（さくらないかくりにっく）"
expect_out "caller:    new caller"
run log --line 03-5000-0002 --for suzuki --caller 山田太郎 --phone 03-1234-5678 --message 検査結果について
expect_rc 0; expect_out "saved: opened callback #2 for suzuki (鈴木医師)"

step "service: a call to the law office for its own tanaka"
shown_export DESK_NOW=2026-11-24T10:20:00+09:00
run incoming --to 03-5000-0003 --from 045-987-6543 --diversion 090-3333-4444
expect_rc 0
expect_out "person:    tanaka 田中弁護士"
run log --line 03-5000-0003 --for tanaka --caller 高橋 --company 東都物産 --phone 045-987-6543 --message 契約書の確認
expect_rc 0; expect_out "saved: opened callback #3 for tanaka (田中弁護士)"

step "service: a sales call declined, a blocked number"
shown_export DESK_NOW=2026-11-24T10:30:00+09:00
run log --line 03-5000-0001 --outcome sales --phone 03-9999-0001
expect_rc 0; expect_out "as sales; no callback opened"
shown_export DESK_NOW=2026-11-24T10:40:00+09:00
run log --line 03-5000-0003 --for tanaka --caller 営業 --phone 03-6666-0000 --message 所長いますか
expect_rc 0; expect_out "as blocked: 03-6666-0000 is on law's block list; no callback opened"

step "service: each account's callbacks only"
run callbacks --account law
expect_rc 0
[[ "$(wc -l <<<"$OUT")" -eq 2 ]] || fail "expected a header and law's one callback"
pass
[[ "$OUT" != *"田中一郎"* && "$OUT" != *"山田太郎"* ]] || fail "law's list shows another account's callback"
pass
run callbacks --account kensetsu
expect_rc 0
[[ "$(wc -l <<<"$OUT")" -eq 2 ]] || fail "expected a header and kensetsu's one callback"
pass

step "service: December 1st, the month's usage for invoicing"
shown_export DESK_NOW=2026-12-01T09:00:00+09:00
run usage --all --month 2026-11
expect_rc 0
expect_out "usage of 2026-11, closed"
[[ "$(wc -l <<<"$OUT")" -eq 6 ]] || fail "expected a title, a blank line, a header and one row per account"
pass
expect_readme "## An answering service: three client companies"

printf '\nwalkthrough: %d checks passed\n' "$CHECKS"
