#!/usr/bin/env python3
"""Regenerates Sources/MessageDesk/Text/DisplayWidth+Tables.swift from Unicode's data files.

    Scripts/generate-display-width.py            # writes the Swift file
    Scripts/generate-display-width.py --stdout   # prints it (DisplayWidthTablesTests compares it with the file)

Reads EastAsianWidth.txt and UnicodeData.txt from $UNICODE_DATA, else /usr/share/unicode (Debian's package
`unicode-data`). A scalar's width, as terminals (wcwidth) count it:
  - 0: combining marks (General_Category Mn, Me), controls (Cc), format characters (Cf) but the soft hyphen,
    line and paragraph separators, and the Hangul medial vowels and final consonants, which join the jamo before;
  - 2: East Asian Wide (W) and Fullwidth (F), with the unlisted defaults the file's header gives (unassigned
    ideographs of the CJK blocks, planes 2 and 3), and the regional indicators, which terminals draw as one wide
    flag per pair;
  - Ambiguous (A), not zero-width: 1, or 2 where DESK_AMBIGUOUS_WIDTH=2 says so; DisplayWidth decides;
  - 1: everything else, among them the half-width kana and their voicing marks ﾞ U+FF9E and ﾟ U+FF9F (H).
"""
import os
import sys

DATA = os.environ.get("UNICODE_DATA", "/usr/share/unicode")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "MessageDesk", "Text",
                   "DisplayWidth+Tables.swift")


def read(name):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        sys.exit(f"generate-display-width: no {path}; install Debian's unicode-data (apt-get install unicode-data) "
                 "or point UNICODE_DATA at a folder holding EastAsianWidth.txt and UnicodeData.txt")
    with open(path, encoding="utf-8") as f:
        return f.read(), f"{name.split('.')[0]}-{version(path)}"


def version(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    # "# EastAsianWidth-15.0.0.txt"; UnicodeData.txt has no header, the package's version stands for it.
    return first.split("-")[1].rsplit(".", 1)[0] if first.startswith("#") and "-" in first else "as installed"


def east_asian_width():
    text, name = read("EastAsianWidth.txt")
    widths = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cells, value = line.split(";")
        first, _, last = cells.strip().partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            widths[code] = value.strip()
    # The header's defaults for unlisted code points.
    for low, high in [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]:
        for code in range(low, high + 1):
            widths.setdefault(code, "W")
    return widths, name


def general_categories():
    text, _ = read("UnicodeData.txt")
    categories = {}
    start = None
    for line in text.splitlines():
        fields = line.split(";")
        code, name, category = int(fields[0], 16), fields[1], fields[2]
        if name.endswith(", First>"):
            start = code
            continue
        if name.endswith(", Last>") and start is not None:
            for each in range(start, code + 1):
                categories[each] = category
            start = None
            continue
        categories[code] = category
    return categories


def ranges(codes):
    """Sorted, merged inclusive ranges of a set of code points."""
    result = []
    for code in sorted(codes):
        if result and code == result[-1][1] + 1:
            result[-1][1] = code
        else:
            result.append([code, code])
    return result


def swift_table(name, doc, codes):
    pairs = ranges(codes)
    lines = [f"    /// {doc}", f"    /// {len(pairs)} ranges, as inclusive bounds: first, last, first, last, …",
             f"    static let {name}: [UInt32] = ["]
    row = []
    for low, high in pairs:
        row.append(f"0x{low:04X}, 0x{high:04X},")
        if len(row) == 6:
            lines.append("        " + " ".join(row))
            row = []
    if row:
        lines.append("        " + " ".join(row))
    lines.append("    ]")
    return "\n".join(lines)


def main():
    widths, eaw_name = east_asian_width()
    categories = general_categories()
    zero = {code for code, category in categories.items() if category in ("Mn", "Me", "Cc", "Cf", "Zl", "Zp")}
    zero.discard(0x00AD)  # the soft hyphen is drawn (wcwidth 1)
    zero |= set(range(0x1160, 0x1200)) | set(range(0xD7B0, 0xD800))
    # Unassigned code points of the variation-selector and tag blocks draw nothing either.
    zero |= set(range(0xE0000, 0xE1000))
    wide = {code for code, value in widths.items() if value in ("W", "F")} | set(range(0x1F1E6, 0x1F200))
    wide -= zero
    ambiguous = {code for code, value in widths.items() if value == "A"} - zero - wide
    body = "\n\n".join([
        swift_table("zeroWidthScalars", "Scalars that take no columns: marks, controls, format characters, joining jamo.", zero),
        swift_table("wideScalars", "East Asian Wide and Fullwidth scalars (and the regional indicators): two columns.", wide),
        swift_table("ambiguousScalars", "East Asian Ambiguous scalars: one column, or two on terminals set up for CJK.", ambiguous),
    ])
    text = f"""// Generated by Scripts/generate-display-width.py from {eaw_name} and UnicodeData.txt — do not edit.
// Run the script after a Unicode update; DisplayWidthTablesTests fails while this file is stale.

extension DisplayWidth {{
{body}
}}
"""
    if sys.argv[1:] == ["--stdout"]:
        sys.stdout.write(text)
    elif sys.argv[1:]:
        sys.exit("usage: Scripts/generate-display-width.py [--stdout]")
    else:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {os.path.relpath(OUT)}")


main()
