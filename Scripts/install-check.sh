#!/usr/bin/env bash
# Checks an office's install, `Scripts/setup.sh --prefix DIR [--group NAME]`, with a built desk ($DESK):
#   - the binary, the nightly backup script, the man page and the bash, zsh and fish completions land under DIR;
#   - the man page (swift-argument-parser's generate-manual) names every subcommand `desk --help` lists;
#   - the completions are what `desk --generate-completion-script SHELL` prints;
#   - the crontab lines printed are `desk cron-lines`';
#   - a second run changes nothing: a listing of paths, modes, groups and checksums is the same.
# As root it also makes a Unix group for the run (removed at the end, whatever happens) and shares the desk with it.
#   DESK=.build/release/desk GENERATE_MANUAL=.build/debug/generate-manual-tool Scripts/install-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESK:?set DESK to a built desk}"
: "${GENERATE_MANUAL:?set GENERATE_MANUAL to a built generate-manual-tool (swift build --product generate-manual)}"
export DESK GENERATE_MANUAL

scratch="$(mktemp -d)"
chmod 755 "$scratch"
group=""
cleanup() {
    rm -rf "$scratch"
    if [ -n "$group" ]; then groupdel "$group"; fi
}
trap cleanup EXIT
if [[ "$(id -u)" == 0 ]]; then
    group="mdi$$"
    groupadd "$group"
elif [[ "${CI:-}" == true ]]; then
    echo "install-check: CI must run as root (it makes a Unix group for the shared desk)" >&2
    exit 1
else
    echo "install-check: not root: the desk is installed owner-only (no --group)"
fi

prefix="$scratch/prefix" db="$scratch/srv/desk/desk.sqlite"
run() {
    env -u DESK_DB HOME="$scratch/home" SETUP_SIMULATE=0 bash Scripts/setup.sh --prefix "$prefix" --db "$db" ${group:+--group "$group"}
}
listing() {
    (cd "$scratch" && find prefix srv -printf '%p %m %g\n' | sort && find prefix srv -type f ! -name '.messagedesk-writers-*' -print0 | sort -z | xargs -0 sha256sum)
}
fail() { echo "install-check: $*" >&2; exit 1; }

first="$(run)"
before="$(listing)"
second="$(run)"
after="$(listing)"
[[ "$before" == "$after" ]] || { diff <(echo "$before") <(echo "$after") >&2; fail "the second run changed the install (above)"; }
[[ "$first" == "$second" ]] || { diff <(echo "$first") <(echo "$second") >&2; fail "the second run printed something else (above)"; }

desk="$prefix/bin/desk"
cmp -s "$DESK" "$desk" || fail "$desk is not \$DESK"
[[ -x "$prefix/share/messagedesk/nightly-backup.sh" ]] || fail "no nightly-backup.sh under $prefix/share/messagedesk"
manual="$prefix/share/man/man1/desk.1"
[[ -s "$manual" ]] || fail "no man page at $manual"
subcommands="$("$desk" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')"
(( $(wc -l <<<"$subcommands") > 20 )) || fail "desk --help lists too few subcommands: $subcommands"
while read -r name; do
    grep -qx "\.It Em $name" "$manual" || fail "the man page does not describe desk $name"
done <<<"$subcommands"
for pair in "bash:$prefix/share/bash-completion/completions/desk" "zsh:$prefix/share/zsh/site-functions/_desk" \
            "fish:$prefix/share/fish/vendor_completions.d/desk.fish"; do
    cmp -s <("$desk" --generate-completion-script "${pair%%:*}") "${pair#*:}" || fail "${pair#*:} is not desk's ${pair%%:*} completion"
done
grep -qF "$("$desk" cron-lines --db "$db" --prefix "$prefix")" <<<"$first" || fail "setup did not print desk cron-lines"
[[ "$(sqlite3 "$db" 'SELECT count(*) FROM staff')" == 0 ]] || fail "the office's desk is not empty"
if [ -n "$group" ]; then
    [[ "$(stat -c '%a %G' "$(dirname "$db")")" == "2770 $group" ]] || fail "the desk's directory is not 2770 $group"
    for file in "$db" "$(dirname "$db")/log" "$(dirname "$db")/backups"; do
        [[ "$(stat -c %G "$file")" == "$group" ]] || fail "$file is not of group $group"
    done
    [[ "$(stat -c %a "$db")" == 660 ]] || fail "$db is not 0660"
fi
echo "install-check: ok ($(wc -l <<<"$subcommands") subcommands in the man page; two runs, one install${group:+; shared with a group})"
