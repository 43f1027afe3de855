#!/usr/bin/env bash
# Sets up MessageDesk on a fresh Debian or Ubuntu machine that has Swift 6:
#   1. installs SQLite's headers and shell (libsqlite3-dev, sqlite3) with apt-get when they are missing,
#   2. builds `desk` in release mode,
#   3. creates the desk database at its default place (`desk init`) and prints its path,
#   4. simulates a week at an office into a database of its own (`desk simulate`), leaving the desk empty,
#   5. says how to put `desk` on your PATH.
# Safe to run again: nothing is reinstalled, `desk init` on an existing desk only migrates it, and the
# simulation replaces the previous one.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

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

# MARK: - The desk

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
