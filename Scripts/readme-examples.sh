#!/usr/bin/env bash
# The README's simulator examples, run and compared with the README's blocks: each block that starts with
# `$ desk simulate …` (a trailing `# comment` is not part of the command) must be what that command prints,
# line for line; a block's `…` line stands for the rest of the output (the lines before it must match).
# Any difference is shown as a diff and fails the check. The cron lines are CronLinesTests' (swift test);
# the walkthrough's blocks are Scripts/walkthrough.sh's.
#
#   Scripts/readme-examples.sh                  # uses the release build (swift build -c release)
#   DESK=.build/debug/desk Scripts/readme-examples.sh
set -euo pipefail
if [[ -n "${DESK:-}" && "$DESK" != /* ]]; then DESK="$PWD/$DESK"; fi
cd "$(dirname "$0")/.."
DESK="${DESK:-$(swift build -c release --show-bin-path)/desk}"
[[ -x "$DESK" ]] || { echo "readme-examples: no desk binary at $DESK; build it or set DESK=PATH" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The README's runs: no colour, and "today" is Friday 2026-11-20 in Tokyo for the runs that start today.
unset DESK_DB DESK_USER DESK_ACCOUNT XDG_DATA_HOME
export NO_COLOR=1 DESK_NOW=2026-11-20T09:00:00+09:00 HOME="$work"

checked=0
while IFS= read -r shown; do
    # The README's block after the command line, to its closing fence.
    awk -v shown="$shown" '
        $0 == shown { inside = 1; next }
        inside && /^```/ { exit }
        inside { print }
    ' README.md >"$work/expected"
    read -r -a words <<<"${shown#\$ desk }"
    arguments=()
    for word in "${words[@]}"; do [[ "$word" == "#" ]] && break; arguments+=("$word"); done
    "$DESK" "${arguments[@]}" >"$work/actual"
    if grep -qx '…' "$work/expected"; then
        sed -i '/^…$/,$d' "$work/expected"
        head -n "$(wc -l <"$work/expected")" "$work/actual" >"$work/shown"
    else
        cp "$work/actual" "$work/shown"
    fi
    diff -u --label "README.md: $shown" --label "desk's output" "$work/expected" "$work/shown" >&2 \
        || { echo "readme-examples: the README's block for '$shown' differs from desk's output (diff above)" >&2; exit 1; }
    checked=$((checked + 1))
done < <(grep -E '^\$ desk simulate ' README.md)
(( checked >= 3 )) || { echo "readme-examples: found only $checked simulator examples in README.md" >&2; exit 1; }
echo "readme-examples: ok ($checked simulator examples match the README)"
