#!/usr/bin/env bash
# Drives `desk take` and `desk board --watch` in a real terminal (tmux): types Japanese text at the
# form, reads the screen back with capture-pane, and checks the saved message in the database; then
# checks that `desk simulate` draws its progress bar on a terminal and wipes it.
# Run by .ci/run. Uses $DESK (default: the debug build). Exits non-zero with the screen on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
DESK=${DESK:-$(swift build --show-bin-path)/desk}
command -v tmux >/dev/null || { echo "tmux-take-check: tmux is not installed (apt-get install tmux)" >&2; exit 69; }

work=$(mktemp -d)
session="desk-check-$$"
export DESK_DB="$work/desk.sqlite" DESK_NOW=2026-11-20T10:15:00+09:00
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
checks=0

fail() {
    echo "tmux-take-check: FAILED: $*" >&2
    echo "---- screen ----" >&2
    tmux capture-pane -p -t "$session" >&2 || true
    exit 1
}

screen() { tmux capture-pane -p -t "$session" 2>/dev/null; }

# Waits (up to 10 s, polling the screen) until the screen shows $1.
wait_for() {
    for _ in $(seq 1 200); do
        if screen | grep -qF -- "$1"; then checks=$((checks + 1)); return 0; fi
        sleep 0.05
    done
    fail "the screen never showed: $1"
}

type_line() { tmux send-keys -t "$session" -l -- "$1"; tmux send-keys -t "$session" Enter; }

"$DESK" init >/dev/null
"$DESK" staff add suzuki --name 鈴木花子 >/dev/null
"$DESK" staff add tanaka --name 田中一郎 --substitute suzuki >/dev/null
"$DESK" staff add sato --name 佐藤 --role operator >/dev/null
"$DESK" away tanaka --until 15:00 --note 客先訪問 >/dev/null

# The form, in Japanese, in a 100x40 UTF-8 terminal.
tmux -u new-session -d -s "$session" -x 100 -y 40 \
    "env LANG=ja_JP.UTF-8 DESK_DB='$DESK_DB' DESK_NOW='$DESK_NOW' '$DESK' take --as sato; echo EXIT=\$?; sleep 30"
wait_for "宛先（ハンドルまたは名前）:"
type_line "田中"
wait_for "会議中 — 15:00 戻り予定 (客先訪問) — 代理: 鈴木花子 (suzuki)"
wait_for "お客様の電話番号:"
type_line "０３－１２３４－５６７８"
wait_for "初めてのお客様"
type_line "山田太郎"
wait_for "会社名:"
type_line "ＡＢＣ商事"
wait_for "伝言（複数行可・空行で終了）:"
type_line "見積もりの件で、至急お電話ください。"
type_line "担当者は山田です。"
type_line ""
wait_for "至急ですか？ [y/N]:"
type_line "y"
for _ in 1 2 3 4 5; do type_line ""; done
# The buyer attributes (only "3 or more other vendors": type ①), then not sensitive.
wait_for "決裁: 1 本人が決める, 2 ある程度任されている, 3 上司に提案する（空欄: 不明）:"
for answer in "" "" "" "1" ""; do type_line "$answer"; done
wait_for "お客様のタイプ: タイプ①（最初の回答で決める） — 他社への相談: 3社以上"
wait_for "保存しますか？ [Y/n]:"
screen | grep -qF "  見積もりの件で、至急お電話ください。" || fail "the summary does not show the message"
checks=$((checks + 1))
type_line ""
# Urgent, due 10:45: tanaka's meeting runs past it, so the callback goes to his substitute.
wait_for "保存しました：折り返し #1 宛先 suzuki (鈴木花子) 期限 10:45"
wait_for "代理の suzuki に回しました（tanaka：会議中 — 15:00 戻り予定 (客先訪問)）"
wait_for "EXIT=0"

body=$(sqlite3 "$DESK_DB" "SELECT body FROM messages")
expected=$'見積もりの件で、至急お電話ください。\n担当者は山田です。'
[[ "$body" == "$expected" ]] || fail "saved message is '$body', expected '$expected'"
[[ "$(sqlite3 "$DESK_DB" "SELECT phone, name, company FROM callers")" == "+81312345678|山田太郎|ＡＢＣ商事" ]] \
    || fail "the caller was not saved as typed (full-width phone normalised)"
checks=$((checks + 2))
tmux kill-session -t "$session"

# Ctrl-C in the middle of the form saves nothing and says so.
before=$(sqlite3 "$DESK_DB" "SELECT count(*) FROM events")
tmux -u new-session -d -s "$session" -x 100 -y 40 \
    "env DESK_DB='$DESK_DB' DESK_NOW='$DESK_NOW' '$DESK' take; echo EXIT=\$?; sleep 30"
wait_for "For whom (handle or name):"
type_line "tanaka"
wait_for "Caller's phone:"
tmux send-keys -t "$session" C-c
wait_for "desk: cancelled (Ctrl-C): nothing was saved"
wait_for "EXIT=130"
[[ "$(sqlite3 "$DESK_DB" "SELECT count(*) FROM events")" == "$before" ]] || fail "Ctrl-C left something written"
checks=$((checks + 1))
tmux kill-session -t "$session"

# The presence board redraws in place until Ctrl-C ends it (and with it the session).
tmux -u new-session -d -s "$session" -x 100 -y 20 \
    "env DESK_DB='$DESK_DB' DESK_NOW='$DESK_NOW' '$DESK' board --watch 1"
wait_for "suzuki  鈴木花子  in the office                                  1"
wait_for "tanaka  田中一郎  in a meeting   15:00  客先訪問  suzuki         0"
"$DESK" back tanaka >/dev/null
wait_for "tanaka  田中一郎  in the office               suzuki         0"
tmux send-keys -t "$session" C-c
for _ in $(seq 1 200); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.05; done
tmux has-session -t "$session" 2>/dev/null && fail "Ctrl-C did not stop desk board --watch"
checks=$((checks + 1))

# `desk incoming --take`: the call's screen, then the form with the person and the caller's number offered; the
# saved call keeps its line and call id.
"$DESK" staff edit tanaka --mobile 090-1111-2222 >/dev/null
"$DESK" account line add default 03-5000-0001 >/dev/null
tmux -u new-session -d -s "$session" -x 100 -y 40 \
    "env DESK_DB='$DESK_DB' DESK_NOW='$DESK_NOW' DESK_USER=sato '$DESK' incoming --to 03-5000-0001 --from 045-555-6666 --diversion 090-1111-2222 --call-id 1700000000.42 --take; echo EXIT=\$?; sleep 30"
wait_for "person:    tanaka 田中一郎"
wait_for "For whom (handle or name) [tanaka]:"
type_line ""
wait_for "Caller's phone [045-555-6666]:"
type_line ""
wait_for "Caller's name:"
type_line "高橋"
type_line ""
type_line "納期の件"
type_line ""
for _ in $(seq 1 11); do type_line ""; done
wait_for "Save? [Y/n]:"
type_line ""
wait_for "EXIT=0"
[[ "$(sqlite3 "$DESK_DB" "SELECT l.phone, k.phone_call_id, c.phone FROM calls k JOIN account_lines l ON l.id = k.line_id JOIN callers c ON c.id = k.caller_id")" == "+81350000001|1700000000.42|+81455556666" ]] \
    || fail "desk incoming --take did not save the call with its line, call id and caller's number"
checks=$((checks + 1))
tmux kill-session -t "$session"

# `desk simulate` draws its progress bar on stderr when that is a terminal, and wipes it at the end.
# The pane's raw output is captured (pipe-pane) before the command starts, so every byte is seen.
tmux -u new-session -d -s "$session" -x 100 -y 20 \
    "read _; env DESK_NOW='$DESK_NOW' '$DESK' simulate --db :memory: --days 3 --salespeople 20 --operators 2 >/dev/null; echo EXIT=\$?; sleep 30"
tmux pipe-pane -t "$session" -o "cat >> '$work/simulate.raw'"
tmux send-keys -t "$session" Enter
wait_for "EXIT=0"
raw=$(tr '\r\033' 'RE' < "$work/simulate.raw")
[[ "$raw" == *"Rsimulating "*"█"*" day 1/3"*"Rsimulating "*" day 2/3"*"Rsimulating ██████████████████████████████ day 3/3RE[K"* ]] \
    || fail "the progress bar was not drawn day by day and wiped at the end: $(head -c 600 "$work/simulate.raw" | od -c | head -20)"
screen | grep -qF "simulating" && fail "the progress bar was left on the screen"
checks=$((checks + 2))
tmux kill-session -t "$session"

echo "tmux-take-check: $checks checks passed"
