#!/usr/bin/env bash
# Sets up MessageDesk on a fresh Debian or Ubuntu machine that has Swift 6:
#   1. installs SQLite's headers and shell (libsqlite3-dev, sqlite3) with apt-get when they are missing,
#   2. builds `desk` in release mode,
#   3. creates the desk database at its default place (`desk init`) and prints its path,
#   4. simulates a week at an office into a database of its own (`desk simulate`), leaving the desk empty,
#   5. builds the man page (desk.1, by swift-argument-parser's generate-manual) and installs it with the bash,
#      zsh and fish completions, under ~/.local/share (or PREFIX/share),
#   6. says how to put `desk` on your PATH.
#
#   Scripts/setup.sh --prefix DIR [--group NAME] [--db PATH]   (an office's install)
# installs the binary (DIR/bin/desk), the nightly backup script (DIR/share/messagedesk/), the man page and the
# completions under DIR; creates the desk (--db, else $DESK_DB, else the default path), shared with Unix group
# NAME when given (`desk init --group`), with log/ and backups/ beside it; simulates nothing; and prints the
# crontab lines of the sweep, the notifier and the nightly backup (`desk cron-lines`).
# Safe to run again: nothing changes the second time (files are replaced only by other bytes or modes),
# `desk init` on an existing desk only migrates it, and the simulation replaces the previous one.
# GENERATE_MANUAL=PATH names a built generate-manual-tool (else it is built: swift build --product generate-manual).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 64; }

prefix="" group="" db=""
while (( $# > 0 )); do
    case "$1" in
        --prefix) (( $# > 1 )) || fail "--prefix needs a directory, e.g. --prefix /usr/local"; prefix="$2"; shift 2 ;;
        --group)  (( $# > 1 )) || fail "--group needs a Unix group's name, e.g. --group desk"; group="$2"; shift 2 ;;
        --db)     (( $# > 1 )) || fail "--db needs the desk database's path"; db="$2"; shift 2 ;;
        *) fail "unknown argument '$1'; use --prefix DIR [--group NAME] [--db PATH]" ;;
    esac
done
[[ -z "$group$db" || -n "$prefix" ]] || fail "--group and --db belong to an office's install; add --prefix DIR"
[[ -z "$prefix" || "$prefix" == /* ]] || prefix="$PWD/$prefix"

# MARK: - System packages

packages=(libsqlite3-dev sqlite3)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for package in "${packages[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
            missing+=("$package")
        fi
    done
elif ! pkg-config --exists sqlite3 2>/dev/null; then
    echo "setup: this is not a Debian-like system and pkg-config cannot find sqlite3;" \
         "install SQLite's development files (sqlite3.h, libsqlite3) and run this again" >&2
    exit 1
fi

if (( ${#missing[@]} > 0 )); then
    if [[ "$(id -u)" == 0 ]]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "setup: ${missing[*]} must be installed and you are not root; run as root:" \
             "apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
else
    say "SQLite (${packages[*]}) already installed"
fi

# MARK: - Build

if [ -n "${DESK:-}" ]; then
    # DESK=/path/to/desk sets up with a desk already built (the end-to-end test of this script uses it).
    say "using the desk at $DESK (DESK is set: nothing is built)"
    desk="$DESK"
    bin="$(dirname "$desk")"
else
    if ! command -v swift >/dev/null 2>&1; then
        echo "setup: swift is not on PATH; install Swift 6 (https://www.swift.org/install/linux/) and run this again" >&2
        exit 1
    fi
    say "building desk (release, with the Swift runtime and Foundation linked in)"
    # One self-contained binary: it runs without the toolchain installed, and starts in about 5 ms
    # instead of 13 (no dynamic loading of libFoundation and ICU; BENCHMARKS.md).
    swift build -c release --static-swift-stdlib --product desk
    bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
    desk="$bin/desk"
fi

# MARK: - Man page and completions

# Puts SOURCE at DEST with MODE unless DEST already has the same bytes and mode: a second run changes nothing.
place() {
    local source="$1" dest="$2" mode="$3"
    if [[ -f "$dest" ]] && cmp -s "$source" "$dest" && [[ "$(stat -c %a "$dest")" == "${mode#0}" ]]; then return; fi
    install -D -m "$mode" "$source" "$dest"
}

if [ -n "$prefix" ]; then
    share="$prefix/share"
    fish_dir="$share/fish/vendor_completions.d"
else
    share="${XDG_DATA_HOME:-$HOME/.local/share}"
    fish_dir="${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -n "$prefix" ]; then
    say "installing desk and the nightly backup script under $prefix"
    place "$desk" "$prefix/bin/desk" 0755
    place Scripts/nightly-backup.sh "$share/messagedesk/nightly-backup.sh" 0755
    desk="$prefix/bin/desk"
fi

manual="${GENERATE_MANUAL:-}"
if [ -z "$manual" ]; then
    say "building swift-argument-parser's generate-manual (the tool its GenerateManual plugin runs)"
    swift build --product generate-manual >/dev/null
    # SwiftPM names the binary generate-manual-tool when it was built for the plugin, generate-manual otherwise.
    manual="$(swift build --show-bin-path)/generate-manual-tool"
    [[ -x "$manual" ]] || manual="${manual%-tool}"
fi
say "installing the man page (man desk) and the bash, zsh and fish completions under $share"
# Dated by the binary, so the same desk gives the same page on any day.
"$manual" "$desk" --date "$(date -u -r "$desk" +%Y-%m-%d)" --output-directory "$work"
place "$work/desk.1" "$share/man/man1/desk.1" 0644
for shell in bash zsh fish; do "$desk" --generate-completion-script "$shell" > "$work/completion.$shell"; done
place "$work/completion.bash" "$share/bash-completion/completions/desk" 0644
place "$work/completion.zsh" "$share/zsh/site-functions/_desk" 0644
place "$work/completion.fish" "$fish_dir/desk.fish" 0644

# MARK: - The desk

if [ -n "$prefix" ]; then
    [ -z "$db" ] || export DESK_DB="$db"
    say "creating the desk database${group:+, shared with group $group}"
    database="$("$desk" init ${group:+--group "$group"})"
    printf '%s\n' "$database"
    directory="$(dirname "$database")"
    for sub in log backups; do
        if [ -n "$group" ]; then install -d -m 2770 -g "$group" "$directory/$sub"; else install -d -m 0700 "$directory/$sub"; fi
    done
    say "crontab lines (crontab -e, as a user who may write the desk)"
    "$desk" cron-lines --db "$database" --prefix "$prefix"
    printf '\nMessageDesk is installed: %s (man desk; completions for bash, zsh and fish under %s)\nThe desk is %s.\n' \
        "$desk" "$share" "$database"
    exit 0
fi

say "creating the desk database (\$DESK_DB, else the XDG data directory)"
database="$("$desk" init)"
printf '%s\n' "$database"

# The project's main job on a fresh machine: a simulated week at a 10-salesperson office with two
# operators, reported. It goes to a database of its own (simulation.sqlite beside the desk's default,
# never $DESK_DB), replaced by each run: the real desk stays empty. SETUP_SIMULATE=0 skips it.
where="The desk is $database."
if [ "${SETUP_SIMULATE:-1}" != 0 ]; then
    say "simulating a week at an office, in a database of its own (desk simulate; SETUP_SIMULATE=0 skips this)"
    report="$("$desk" simulate)"
    printf '%s\n' "$report"
    simulation="$(printf '%s\n' "$report" | sed -n 's/^simulated desk: \(.*\) (browse it with .*$/\1/p')"
    where="The desk is $database; the simulated week is in $simulation, not in the desk."
fi

cat <<EOF

MessageDesk is ready: $desk
$where
Put it on your PATH, for example:

    install -D -m 0755 "$desk" ~/.local/bin/desk   # a copy: it needs nothing from this folder
    # or: export PATH="$bin:\$PATH"

Then add your staff and take the first message:

    desk staff add tanaka --name 田中一郎 --mobile 090-1234-5678
    desk log --for tanaka --caller 山田太郎 --phone 03-1234-5678 --message "折り返しください"
    desk callbacks

The README's walkthrough shows the rest (Scripts/walkthrough.sh runs it on a scratch database).
EOF
