#!/usr/bin/env python3
"""Sets MessageDesk's national holidays (`desk-bench holidays FROM TO` on stdin) beside independent ones.

- The whole calendar beside `holidays` (vacanza/python-holidays), the more faithful of the two PyPI packages:
  it starts 振替休日 on 1973-04-12 and 国民の休日 with the 1985 law, where jpholiday 1.0.3 gives 1973-02-12
  and nine May 4ths of 1973-1985 that were working days.
- The equinox days also beside jpholiday, which computes them from the Sun's ecliptic longitude: a check of
  our fitted formula that does not share it (python-holidays tabulates the same fit).

Prints each difference on one line and exits 1 if there is any. Usage: compare.py FROM TO < ours.tsv
"""
import datetime
import sys

import holidays
import jpholiday

# Names python-holidays spells differently for the same day, with why ours stands.
SAME_DAY_OTHER_NAME = {
    # The law is 「即位礼正殿の儀の行われる日を休日とする法律」; the day is called by the ceremony, as in 1990.
    "即位礼正殿の儀が行われる日": "即位礼正殿の儀",
}

# Days on which the two calendars may differ, with the reason; none is known today. Format:
#   datetime.date(2099, 3, 20): "why ours is right",
KNOWN_DIVERGENCES: dict = {}


def main() -> int:
    first, last = int(sys.argv[1]), int(sys.argv[2])
    ours = {}
    for line in sys.stdin:
        day, name, kind = line.rstrip("\n").split("\t")
        ours[datetime.date.fromisoformat(day)] = (name, kind)

    theirs = {}
    for year in range(first, last + 1):
        for day, name in holidays.Japan(years=year, language="ja").items():
            theirs[day] = SAME_DAY_OTHER_NAME.get(name, name)

    differences = 0
    for day in sorted(set(ours) | set(theirs)):
        mine, other = ours.get(day, (None, None))[0], theirs.get(day)
        if mine != other and day not in KNOWN_DIVERGENCES:
            print(f"{day}: ours {mine or '(working day)'}, holidays {holidays.__version__} {other or '(working day)'}")
            differences += 1

    equinoxes = 0
    for day, (name, kind) in sorted(ours.items()):
        if kind != "equinox":
            continue
        equinoxes += 1
        other = jpholiday.is_holiday_name(day)
        if other != name and day not in KNOWN_DIVERGENCES:
            print(f"{day}: ours {name}, jpholiday's astronomy {other or '(not an equinox day)'}")
            differences += 1

    print(f"{first}-{last}: {len(ours)} holidays ({equinoxes} equinox days), {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
