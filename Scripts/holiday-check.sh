#!/bin/sh
# Compares MessageDesk's national holidays with independent implementations from PyPI (issue 14), every
# year 1973-2099 unless told: python-holidays for the whole calendar, jpholiday's astronomy for the
# equinox days (Scripts/holidays/compare.py says why these two). Prints each difference; exits 1 on any.
# Usage: Scripts/holiday-check.sh [FROM TO]
# Installs the two packages, pinned, into a venv ($HOLIDAY_CHECK_VENV, default under $TMPDIR or /tmp)
# the first time; needs python3 with venv, and pip's access to PyPI for that first run.
# Uses $DESK_BENCH when set, else builds desk-bench (debug).
set -eu
cd "$(dirname "$0")/.."
FROM=${1:-1973}
TO=${2:-2099}
VENV=${HOLIDAY_CHECK_VENV:-${TMPDIR:-/tmp}/messagedesk-holiday-check-venv}
PACKAGES="holidays==0.109 jpholiday==1.0.3"

if ! "$VENV/bin/python" -c 'import holidays, jpholiday' 2>/dev/null; then
    echo "installing $PACKAGES into $VENV"
    python3 -m venv "$VENV"
    # shellcheck disable=SC2086  # two package specifiers
    "$VENV/bin/pip" install --quiet --disable-pip-version-check $PACKAGES
fi

if [ -z "${DESK_BENCH:-}" ]; then
    swift build --product desk-bench >/dev/null
    DESK_BENCH="$(swift build --show-bin-path)/desk-bench"
fi

OURS=$(mktemp "${TMPDIR:-/tmp}/holiday-check.XXXXXX")
trap 'rm -f "$OURS"' EXIT
"$DESK_BENCH" holidays "$FROM" "$TO" >"$OURS"
"$VENV/bin/python" Scripts/holidays/compare.py "$FROM" "$TO" <"$OURS"
