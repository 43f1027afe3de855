#!/usr/bin/env bash
# Nightly backup of the MessageDesk database, for cron: a checked copy named by the date, then
# retention. One log line per step on stderr; a non-zero exit on any failure.
#
#   Scripts/nightly-backup.sh --db /srv/desk/desk.sqlite --dir /srv/desk/backups
#
# crontab line (02:30 every night; TZ names the files by the office's date):
#   30 2 * * *  TZ=Asia/Tokyo DESK=/usr/local/bin/desk /opt/messagedesk/Scripts/nightly-backup.sh --db /srv/desk/desk.sqlite --dir /srv/desk/backups 2>>/var/log/desk-backup.log
#
# Options (each also from the environment):
#   --db PATH          the live database                     (DESK_DB)
#   --dir DIR          where backups go; created 0700         (DESK_BACKUP_DIR)
#   --keep-daily N     newest daily backups kept, default 7   (DESK_KEEP_DAILY)
#   --keep-weekly M    weekly backups kept, default 4         (DESK_KEEP_WEEKLY)
#   --date YYYY-MM-DD  "today", for tests and catch-up runs   (NIGHTLY_DATE; default: today in $TZ)
#   --allow-shrink     accept a backup smaller than the last one (the night after a restore);
#                      that night deletes no old backup      (DESK_ALLOW_SHRINK=1)
#   The desk binary is $DESK, else `desk` on PATH.
#
# What it does, in order:
#   1. takes a lock (flock on DIR/.nightly-backup.lock). If another run holds it, this run touches
#      nothing and exits 75 (EX_TEMPFAIL, "try again later") at once rather than waiting: the other
#      run is making the same backup, and a run that hangs is noticed the next night instead of
#      piling up waiting runs behind it. Whatever the umask, DIR is created 0700 and the lock file
#      0600 (the script runs under umask 077); an existing DIR that others may enter is warned about.
#      In a shared desk's DIR (setgid, the group's: Scripts/setup.sh --group) the lock and backups are
#      the group's 0660, and only users outside the group are warned about.
#   2. `desk backup --overwrite DB DIR/desk-YYYY-MM-DD.sqlite --previous LAST`, LAST being the newest
#      earlier backup: the copy is checked and renamed into place only when whole, so a failure
#      leaves the previous files as they were. Run twice in a day, the second run replaces that
#      day's backup. It fails when DB is not a desk (an empty file, another program's database), and
#      when the copy holds fewer events than LAST (or than the backup it replaces), or is less than
#      half its size: the database lost data or was replaced, and a good backup must not be pushed
#      out by a bad one. After a restore, run it once with --allow-shrink.
#   3. only if the backup succeeded, and not with --allow-shrink, retention. Kept: today's backup;
#      the N newest daily backups; and for each of the M calendar weeks (Monday to Sunday) before
#      the current week that has a backup, its newest one — the Sunday backup when Sunday's run
#      succeeded. Everything else named desk-YYYY-MM-DD.sqlite with a date up to today is deleted;
#      no other file is ever touched, and backups dated after today (a clock set back) are kept.
#      Since retention runs only after a backup that passed all of step 2, the newest good backup
#      is never deleted.
#
# Exit codes: 0 done; 64 usage; 69 no desk binary; 73 cannot create the directory or lock file;
# 75 another run holds the lock; otherwise desk's own code for a failed backup (65 damaged,
# not a desk, or shrunk; 66 no database or an empty file; 74 I/O; 77 permission; …) — and then
# nothing is deleted.
set -euo pipefail
# Owner-only, whatever cron's umask: the directory, the lock, and anything else this run creates.
umask 077

PROG=nightly-backup
log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
fail() {
    local code=$1
    shift
    log "FAILED: $*"
    exit "$code"
}
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }

db=${DESK_DB:-}
dir=${DESK_BACKUP_DIR:-}
keep_daily=${DESK_KEEP_DAILY:-7}
keep_weekly=${DESK_KEEP_WEEKLY:-4}
today=${NIGHTLY_DATE:-}
allow_shrink=${DESK_ALLOW_SHRINK:-}

while (($# > 0)); do
    case $1 in
        --db) db=${2:-}; shift 2 || fail 64 "--db needs a path" ;;
        --dir) dir=${2:-}; shift 2 || fail 64 "--dir needs a directory" ;;
        --keep-daily) keep_daily=${2:-}; shift 2 || fail 64 "--keep-daily needs a number" ;;
        --keep-weekly) keep_weekly=${2:-}; shift 2 || fail 64 "--keep-weekly needs a number" ;;
        --date) today=${2:-}; shift 2 || fail 64 "--date needs YYYY-MM-DD" ;;
        --allow-shrink) allow_shrink=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) fail 64 "unknown argument '$1' (see $0 --help)" ;;
    esac
done

# MARK: - Settings

[[ -n $db ]] || fail 64 "no database: give --db PATH or set DESK_DB"
[[ -n $dir ]] || fail 64 "no backup directory: give --dir DIR or set DESK_BACKUP_DIR"
[[ $keep_daily =~ ^[0-9]+$ && $keep_daily -ge 1 ]] || fail 64 "--keep-daily '$keep_daily' is not a number of at least 1"
[[ $keep_weekly =~ ^[0-9]+$ ]] || fail 64 "--keep-weekly '$keep_weekly' is not a number"
desk=${DESK:-$(command -v desk || true)}
[[ -n $desk && -x $desk ]] || fail 69 "no desk binary: set DESK=PATH or put desk on PATH"
if [[ -z $today ]]; then today=$(date +%F); fi
# A real calendar date in the one form the file names use (date(1) normalises 2026-02-30 away).
[[ $today =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ && $(date -d "$today" +%F 2>/dev/null) == "$today" ]] ||
    fail 64 "the date '$today' is not a date such as 2026-11-20"

# MARK: - Lock

if [[ ! -d $dir ]]; then
    log "creating $dir"
    mkdir -p -m 700 -- "$dir" || fail 73 "cannot create the backup directory $dir"
fi
# A shared desk's directory (setgid and the group's, `desk init --group`): the group may use the backups and
# the lock, as the desk itself (desk makes its backups there 0660); only users outside it are warned about.
dir_mode=$(stat -c %a -- "$dir")
if (((8#$dir_mode & 8#2070) == 8#2070)); then
    lock_mode=660 private=007 fix="chmod 2770 $dir"
else
    lock_mode=600 private=077 fix="chmod 700 $dir"
fi
if (((8#$dir_mode & 8#$private) != 0)); then
    log "warning: $dir is mode 0$dir_mode: other users can list the backups; $fix"
fi
lock="$dir/.nightly-backup.lock"
# `exec` failing on a redirection does not end a non-interactive bash, so the status is checked.
if ! { exec 9>>"$lock"; } 2>/dev/null; then
    fail 73 "cannot open the lock file $lock; check that $dir is writable by $(id -un)"
fi
if ! flock -n 9; then
    log "another nightly backup holds $lock; this run does nothing (exit 75, try again later)"
    exit 75
fi
# A lock file left by an older version of this script may be wider.
chmod "$lock_mode" -- "$lock" || fail 73 "cannot make $lock mode $lock_mode"
log "locked $lock"

# The dated backups up to today, newest first; only real dates take part, anything else is left alone.
dated_backups() {
    local file day days=()
    for file in "$dir"/desk-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].sqlite; do
        [[ -f $file ]] || continue
        day=${file##*/desk-}
        day=${day%.sqlite}
        [[ $(date -d "$day" +%F 2>/dev/null) == "$day" && ! $day > $today ]] || continue
        days+=("$day")
    done
    ((${#days[@]} > 0)) || return 0
    printf '%s\n' "${days[@]}" | sort -r
}

# MARK: - Backup

target="$dir/desk-$today.sqlite"
arguments=(backup --db "$db" --overwrite "$target")
# The newest earlier backup, which today's must not fall short of (today's own is compared by desk).
previous=$(dated_backups | awk -v today="$today" '$0 != today { print; exit }')
[[ -z $previous ]] || arguments+=(--previous "$dir/desk-$previous.sqlite")
[[ -z $allow_shrink ]] || arguments+=(--allow-shrink)
log "backing up $db to $target"
status=0
output=$("$desk" "${arguments[@]}" 2>&1) || status=$?
if ((status != 0)); then
    log "$output"
    fail "$status" "today's backup failed; no old backup was deleted"
fi
[[ -s $target ]] || fail 74 "desk reported success but $target is missing or empty; no old backup was deleted"
log "$output"

# MARK: - Retention

if [[ -n $allow_shrink ]]; then
    log "--allow-shrink: retention skipped tonight, no old backup deleted"
    exit 0
fi
log "retention: keep today's, the $keep_daily newest, and the newest of each of the $keep_weekly weeks before this one"
mapfile -t dates < <(dated_backups)

declare -A keep=(["$today"]=1)
for day in "${dates[@]:0:keep_daily}"; do keep[$day]=1; done
this_week=$(date -d "$today" +%G-W%V)
declare -A weeks_seen=()
weeks=0
for day in "${dates[@]}"; do    # newest first: the first day seen in a week is its newest
    ((weeks < keep_weekly)) || break
    week=$(date -d "$day" +%G-W%V)
    [[ $week != "$this_week" && -z ${weeks_seen[$week]:-} ]] || continue
    weeks_seen[$week]=1
    keep[$day]=1
    weeks=$((weeks + 1))
done

deleted=0
for day in "${dates[@]}"; do
    [[ -z ${keep[$day]:-} ]] || continue
    rm -f -- "$dir/desk-$day.sqlite" || fail 74 "cannot delete $dir/desk-$day.sqlite"
    log "deleted desk-$day.sqlite"
    deleted=$((deleted + 1))
done
log "done: ${#keep[@]} backups kept, $deleted deleted"
