#!/usr/bin/env bash
# The audit's load figures of issue 12, re-measured: many operators' `desk log` processes at once, with
# sweeps and readers running alongside, and SIGKILLs at random moments. Not a test: it reports, it never
# fails on a time (it does fail if a record is lost or the database is damaged).
#
#   (a) W writers × N `desk log` calls each (default 32 and 40 × 100), with sweep loops (`desk sweep`, at a
#       clock two hours later, so that urgent callbacks escalate and the sweeps really write) and reader
#       loops (`desk callbacks --for tanaka`) running until the writers are done: failures (exit ≠ 0) and
#       the latency of a whole `desk log` process (p50, p99, max). Each load runs twice in the same run:
#       with the writer queue (the default) and without it (DESK_WRITER_QUEUE=off: SQLite's own busy
#       handler, the behaviour before the queue): the baseline. The order alternates from one W to the next.
#   (b) SIGKILL rounds: K writers log calls with a --request-id each, retrying a killed or busy call with
#       the same id; the script SIGKILLs the `desk` one of them is running, at random moments, hundreds of
#       times. Then: every record a writer was told was saved (exit 0, or a complete "saved:" line before
#       the kill) must be in the database (lost: expected 0), and no retried id may have been recorded
#       twice (duplicates: expected 0); PRAGMA integrity_check must say ok.
#
# Writes a Markdown section to BENCHMARKS.md (--quick: .build-bench/load/BENCHMARKS-quick.md, so a CI run
# never replaces the real figures).
#
# Usage: Scripts/load-benchmark.sh [--quick] [options]
#   --quick            8 and 10 writers × 20 calls, 4 kill writers, 40 kills (about a minute once built; CI)
#   --writers "W …"    writer counts of (a) (default "32 40"; quick "8 10")
#   --calls N          desk log calls per writer in (a) (default 100; quick 20)
#   --sweepers N       sweep loops alongside (a) (default 2)
#   --readers N        reader loops alongside (a) (default 2)
#   --kill-writers N   writers during (b) (default 8; quick 4)
#   --kills N          SIGKILLs in (b) (default 300; quick 40)
#   --no-build         use $DESK, or the release binary already in .build-bench
#   --output FILE      where to write the section (default BENCHMARKS.md)
# Environment: DESK=/path/to/desk uses that binary (no build).
set -euo pipefail
export LC_NUMERIC=C LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
SCRATCH=.build-bench
WORK=$SCRATCH/load
trap 'echo "load-benchmark.sh: failed at line $LINENO (see $WORK/*.log)" >&2' ERR

# ---------------------------------------------------------------------------------------------- options
ARGS="Scripts/load-benchmark.sh${*:+ $*}"
QUICK=0 BUILD=1
WRITERS= CALLS= SWEEPERS=2 READERS=2 KILL_WRITERS= KILLS= OUTPUT=
die() { echo "load-benchmark.sh: $*" >&2; exit 2; }
number() { [[ ${2:-} =~ ^[0-9]+$ ]] && (( 10#$2 > 0 )) || die "$1 needs a positive integer, not '${2:-}'"; }
while (( $# > 0 )); do
    case $1 in
        --quick) QUICK=1 ;;
        --writers) [[ ${2:-} =~ ^[0-9]+( [0-9]+)*$ ]] || die "--writers needs numbers, e.g. \"32 40\""; WRITERS=$2; shift ;;
        --calls) number "$1" "${2:-}"; CALLS=$2; shift ;;
        --sweepers) number "$1" "${2:-}"; SWEEPERS=$2; shift ;;
        --readers) number "$1" "${2:-}"; READERS=$2; shift ;;
        --kill-writers) number "$1" "${2:-}"; KILL_WRITERS=$2; shift ;;
        --kills) number "$1" "${2:-}"; KILLS=$2; shift ;;
        --no-build) BUILD=0 ;;
        --output) [[ -n ${2:-} ]] || die "--output needs a file"; OUTPUT=$2; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done
if (( QUICK )); then
    : "${WRITERS:=8 10}" "${CALLS:=20}" "${KILL_WRITERS:=4}" "${KILLS:=40}" "${OUTPUT:=$WORK/BENCHMARKS-quick.md}"
else
    : "${WRITERS:=32 40}" "${CALLS:=100}" "${KILL_WRITERS:=8}" "${KILLS:=300}" "${OUTPUT:=BENCHMARKS.md}"
fi
for tool in sqlite3 awk sort python3; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
mkdir -p "$WORK"
STARTED=$SECONDS
say() { printf '%s\n' "$*" >&2; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# ---------------------------------------------------------------------------------------------- build
if [[ -n ${DESK:-} ]]; then
    [[ -x $DESK ]] || die "DESK=$DESK is not an executable"
else
    if (( BUILD )); then
        say "building (swift build -c release --static-swift-stdlib --scratch-path $SCRATCH) ..."
        swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" >"$WORK/build.log" 2>&1 \
            || { tail -40 "$WORK/build.log" >&2; die "the release build failed (full log: $WORK/build.log)"; }
    fi
    DESK=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/desk
    [[ -x $DESK ]] || die "no release desk in $SCRATCH; run without --no-build"
fi
DESK=$(cd "$(dirname "$DESK")" && pwd)/$(basename "$DESK")

# The clock of every writer, and the sweeps' clock two hours on (urgent callbacks are due in 30 minutes).
export DESK_NOW=2026-11-24T10:00:00+09:00
SWEEP_NOW=2026-11-24T12:00:00+09:00
export DESK_USER=sato
unset DESK_BUSY_TIMEOUT DESK_WRITER_QUEUE   # the defaults: 5,000 ms, queue on

rm_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal" "$(dirname "$1")"/.messagedesk-writers-*.lock; }
new_desk() {   # new_desk PATH: a desk with two salespeople and the operator
    rm_db "$1"
    DESK_DB=$1 DESK_USER= "$DESK" init >/dev/null
    DESK_DB=$1 DESK_USER= "$DESK" staff add sato --name 佐藤 --role operator >/dev/null
    DESK_DB=$1 "$DESK" staff add suzuki --name 鈴木花子 >/dev/null
    DESK_DB=$1 "$DESK" staff add tanaka --name 田中一郎 --substitute suzuki >/dev/null
}
# p QUANTILE FILE: the nearest-rank quantile of the numbers in FILE (one a line, sorted), in ms.
p() { awk -v q="$1" '{ a[NR] = $1 } END { if (NR == 0) { print "-"; exit } i = int(q * NR); if (i < q * NR) i++; if (i < 1) i = 1;
      printf "%.0f", a[i] / 1000 }' "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || a == 0) print "-"; else printf "%.2f", b / a }'; }

# A loop that runs one command over and over until the stop file appears, one "status µs" line a run.
loop() {   # loop STOPFILE OUTFILE -- command…
    local stop=$1 out=$2; shift 3
    local t0 t1
    while [[ ! -e $stop ]]; do
        t0=${EPOCHREALTIME/./}
        "$@" >/dev/null 2>>"${out%.txt}.err" && rc=0 || rc=$?
        t1=${EPOCHREALTIME/./}
        echo "$rc $(( t1 - t0 ))" >>"$out"
    done
}
# One writer of (a): N calls, each from a new caller, one in five urgent; one "status µs" line a call.
writer() {   # writer NUMBER CALLS OUTFILE
    local w=$1 n=$2 out=$3 i t0 t1 rc owner urgent phone
    for (( i = 1; i <= n; i++ )); do
        owner=tanaka; (( i % 3 )) || owner=suzuki
        urgent=(); (( i % 5 )) || urgent=(--urgent)
        printf -v phone '03-5%03d-%04d' "$w" "$i"
        t0=${EPOCHREALTIME/./}
        "$DESK" log --for "$owner" --caller "顧客$w-$i" --phone "$phone" --message "見積の件で折り返しください ($w-$i)" \
            "${urgent[@]}" >/dev/null 2>>"${out%.txt}.err" && rc=0 || rc=$?
        t1=${EPOCHREALTIME/./}
        echo "$rc $(( t1 - t0 ))" >>"$out"
    done
}

# ====================================================================================== (a) load
# One load: W writers × CALLS with the sweep and reader loops; sets R_* for the table.
run_load() {   # run_load on|off W
    local queue=$1 w=$2 dir=$WORK/a-$1-$2 pids=() side=() i
    rm -rf "$dir"; mkdir -p "$dir"
    local db=$dir/desk.sqlite stop=$dir/stop
    new_desk "$db"
    export DESK_DB=$db DESK_WRITER_QUEUE=$queue
    for (( i = 1; i <= SWEEPERS; i++ )); do
        DESK_NOW=$SWEEP_NOW loop "$stop" "$dir/sweep$i.txt" -- "$DESK" sweep & side+=($!)
    done
    for (( i = 1; i <= READERS; i++ )); do
        loop "$stop" "$dir/read$i.txt" -- "$DESK" callbacks --for tanaka & side+=($!)
    done
    local t0=$SECONDS
    for (( i = 1; i <= w; i++ )); do writer "$i" "$CALLS" "$dir/writer$i.txt" & pids+=($!); done
    wait "${pids[@]}"
    R_SECONDS=$(( SECONDS - t0 ))
    touch "$stop"
    wait "${side[@]}"
    unset DESK_DB DESK_WRITER_QUEUE
    cat "$dir"/writer[0-9]*.txt >"$dir/writers.txt"
    R_CALLS=$(wc -l <"$dir/writers.txt")
    R_FAILED=$(awk '$1 != 0' "$dir/writers.txt" | wc -l)
    R_BUSY=$(awk '$1 == 75' "$dir/writers.txt" | wc -l)
    awk '{ print $2 }' "$dir/writers.txt" | sort -n >"$dir/latency.txt"
    R_P50=$(p 0.50 "$dir/latency.txt") R_P99=$(p 0.99 "$dir/latency.txt") R_MAX=$(p 1 "$dir/latency.txt")
    cat "$dir"/sweep[0-9]*.txt "$dir"/read[0-9]*.txt >"$dir/side.txt"
    R_SIDE=$(wc -l <"$dir/side.txt")
    R_SIDE_FAILED=$(awk '$1 != 0' "$dir/side.txt" | wc -l)
    R_SWEEP_P99=$(cat "$dir"/sweep[0-9]*.txt | awk '{ print $2 }' | sort -n | p 0.99 /dev/stdin)
    R_READ_P99=$(cat "$dir"/read[0-9]*.txt | awk '{ print $2 }' | sort -n | p 0.99 /dev/stdin)
    R_MESSAGES=$(sqlite3 "$db" "SELECT count(*) FROM messages")
    R_ESCALATIONS=$(sqlite3 "$db" "SELECT count(*) FROM escalations")
    [[ $(sqlite3 "$db" "PRAGMA integrity_check") == ok ]] || die "(a) $queue $w: integrity_check failed on $db"
    (( R_MESSAGES == R_CALLS - R_FAILED )) \
        || die "(a) $queue $w: $R_MESSAGES messages for $(( R_CALLS - R_FAILED )) calls that exited 0"
    R_ERRORS=$(cat "$dir"/*.err 2>/dev/null | sed 's/[0-9]\{2,\}/N/g' | sort | uniq -c | sort -rn | head -3 | sed 's/^ *//' | tr '\n' ';')
}

TABLE_A="| writers × calls | writer queue | failed calls (of which exit 75) | p50 | p99 | max | sweeps + reads run (failed) | sweep p99 | read p99 | wall |
|---|---|---|---|---|---|---|---|---|---|"
RATIOS=""
declare -A P50 P99 FAILED
order=0
for w in $WRITERS; do
    order=$(( 1 - order ))
    modes=(on off); (( order )) || modes=(off on)
    for queue in "${modes[@]}"; do
        say "(a) $w writers × $CALLS calls, writer queue $queue, $SWEEPERS sweep + $READERS reader loops ..."
        run_load "$queue" "$w"
        label=$([[ $queue == on ]] && echo "on" || echo "off (baseline)")
        TABLE_A+="
| $w × $CALLS | $label | $R_FAILED of $R_CALLS ($R_BUSY) | $R_P50 ms | $R_P99 ms | $R_MAX ms | $R_SIDE ($R_SIDE_FAILED) | $R_SWEEP_P99 ms | $R_READ_P99 ms | $R_SECONDS s |"
        say "    failed $R_FAILED of $R_CALLS (busy $R_BUSY), p50 $R_P50 ms, p99 $R_P99 ms, max $R_MAX ms; side runs $R_SIDE (failed $R_SIDE_FAILED); $R_ESCALATIONS escalations; ${R_SECONDS}s"
        [[ -n $R_ERRORS ]] && say "    stderr: $R_ERRORS"
        P50[$queue$w]=$R_P50 P99[$queue$w]=$R_P99 FAILED[$queue$w]=$R_FAILED
    done
    RATIOS+="- $w writers: p50 ${P50[on$w]} ms with the queue, ${P50[off$w]} ms without (baseline ÷ queue = $(ratio "${P50[on$w]}" "${P50[off$w]}")); p99 ${P99[on$w]} ms against ${P99[off$w]} ms ($(ratio "${P99[on$w]}" "${P99[off$w]}")); failed calls ${FAILED[on$w]} against ${FAILED[off$w]}.
"
done

# ====================================================================================== (b) kills
# One writer of (b): calls with a request id each until the stop file appears; a killed (137) or busy (75)
# call is retried with the same id. "ack ID" when the writer was told it was saved.
kill_writer() {   # kill_writer NUMBER DIR
    local w=$1 dir=$2 i=0 rc key phone out
    while [[ ! -e $dir/stop ]]; do
        i=$(( i + 1 )); key=w$w-$i; out=$dir/out$w
        printf -v phone '03-6%03d-%04d' "$w" "$i"
        while :; do
            "$DESK" log --for tanaka --caller "顧客$w-$i" --phone "$phone" --message "伝言 $w-$i" --request-id "$key" \
                >"$out" 2>>"$dir/err$w" &
            echo $! >"$dir/pid$w"
            wait $! && rc=0 || rc=$?
            rm -f "$dir/pid$w"
            # Told it was saved: exit 0, or the receipt's first line came out whole before the kill.
            if (( rc == 0 )) || grep -q '^saved: .*due [0-9:]*$' "$out"; then echo "ack $key" >>"$dir/acks"; fi
            case $rc in
                0) break ;;
                137) echo "$key" >>"$dir/killed" ;;   # retried with the same id
                75) ;;
                *) echo "fail $key $rc" >>"$dir/failures"; break ;;
            esac
        done
    done
}

say "(b) $KILLS SIGKILLs among $KILL_WRITERS writers ..."
DIR_B=$WORK/b
rm -rf "$DIR_B"; mkdir -p "$DIR_B"
DB_B=$DIR_B/desk.sqlite
new_desk "$DB_B"
touch "$DIR_B/acks" "$DIR_B/killed" "$DIR_B/failures"
export DESK_DB=$DB_B
kpids=()
# (bash's own "Killed" notices go to a log, not the terminal)
for (( i = 1; i <= KILL_WRITERS; i++ )); do kill_writer "$i" "$DIR_B" 2>>"$DIR_B/notices.log" & kpids+=($!); done
landed=0 attempts=0
while (( landed < KILLS && attempts < KILLS * 50 )); do
    attempts=$(( attempts + 1 ))
    # A random moment: 0–39 ms from the last kill, then a random writer's desk, if it is running one.
    sleep "0.0$(( RANDOM % 40 ))"
    w=$(( RANDOM % KILL_WRITERS + 1 ))
    pid=$(cat "$DIR_B/pid$w" 2>/dev/null) || continue
    [[ -n $pid && $(cat "/proc/$pid/comm" 2>/dev/null) == desk ]] || continue
    kill -KILL "$pid" 2>/dev/null && landed=$(( landed + 1 ))
done
touch "$DIR_B/stop"
wait "${kpids[@]}"
unset DESK_DB
sort -u "$DIR_B/acks" | awk '{ print $2 }' >"$DIR_B/acked"
B_ACKED=$(wc -l <"$DIR_B/acked")
B_KILLED=$(sort -u "$DIR_B/killed" | wc -l)
B_FAILURES=$(wc -l <"$DIR_B/failures")
B_LOST=$(sqlite3 "$DB_B" <<SQL
CREATE TEMP TABLE acked (id TEXT PRIMARY KEY);
.mode csv
.import $DIR_B/acked acked
SELECT count(*) FROM acked WHERE id NOT IN (SELECT request_id FROM submissions s JOIN calls c ON c.id = s.call_id);
SQL
)
B_CALLS=$(sqlite3 "$DB_B" "SELECT count(*) FROM calls")
B_DUPLICATES=$(sqlite3 "$DB_B" "SELECT count(*) - count(DISTINCT caller_id) FROM calls")
B_INTEGRITY=$(sqlite3 "$DB_B" "PRAGMA integrity_check")
say "    $landed kills landed; $B_ACKED acknowledged, $B_LOST lost; $B_CALLS calls, $B_DUPLICATES duplicates; $B_KILLED ids killed and retried; integrity $B_INTEGRITY"

# ====================================================================================== report
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git status --porcelain 2>/dev/null) ]] && REVISION="$REVISION + uncommitted changes"
SECTION=$WORK/load-section.md
cat >"$SECTION" <<EOF
## Writers under load and SIGKILL (issue 12, items 12 and 13): \`Scripts/load-benchmark.sh\`

Re-run with \`$ARGS\` ($(( SECONDS - STARTED )) s; revision $REVISION).

| | |
|---|---|
| CPU | $(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null) × $(nproc) |
| Kernel, file system | $(uname -sr), $(df -T "$WORK" 2>/dev/null | awk 'NR == 2 { print $2 }') |
| SQLite | $(sqlite3 -version | awk '{ print $1 }') |
| Load average at start / end | $LOAD_START / $LOAD_END |

### (a) $WRITERS writers × $CALLS \`desk log\` calls, with $SWEEPERS sweep and $READERS reader loops

$TABLE_A

$RATIOS
Latency is that of a whole \`desk log\` process (start to exit, bash's \`\$EPOCHREALTIME\`), so it includes
process start-up (about 10 ms of CPU on this machine) and the fsync'd commit. Every call is a new caller;
one in five is urgent; two in three are for tanaka, one in three for suzuki. Sweeps run at a clock two hours
after the writers' (\`DESK_NOW\`), so every urgent callback is overdue and escalates: the sweeps write.
The busy timeout is the default 5,000 ms. "off (baseline)" is \`DESK_WRITER_QUEUE=off\`: SQLite's own busy
handler, as before the queue, measured in the same run.

### (b) SIGKILL rounds: $KILL_WRITERS writers, $landed kills

| kills landed | acknowledged records | lost (expected 0) | calls recorded | recorded twice (expected 0) | ids killed and retried | other failures | integrity_check |
|---|---|---|---|---|---|---|---|
| $landed | $B_ACKED | $B_LOST | $B_CALLS | $B_DUPLICATES | $B_KILLED | $B_FAILURES | $B_INTEGRITY |

Each writer logs calls with \`--request-id\` (one id a call) and retries a killed or busy call with the same id.
The script sends SIGKILL to the \`desk\` of a random writer at random moments (0–39 ms apart). A record is
acknowledged when its \`desk\` exited 0 or had printed its whole "saved: …" line before the kill; lost means
acknowledged but not in the database. "Recorded twice" counts calls beyond one per caller (each id has its own
caller): a retry of a call whose first attempt had committed before the kill must print the first result, not
record it again.
EOF
if [[ $OUTPUT == BENCHMARKS.md ]]; then
    python3 Scripts/bench/splice_section.py load-benchmark.sh "$SECTION" BENCHMARKS.md
else
    cp "$SECTION" "$OUTPUT"
fi
say "wrote $OUTPUT ($(( SECONDS - STARTED )) s)"
(( B_LOST == 0 && B_DUPLICATES == 0 )) || die "(b) lost $B_LOST acknowledged records, $B_DUPLICATES duplicates"
[[ $B_INTEGRITY == ok ]] || die "(b) integrity_check: $B_INTEGRITY"
