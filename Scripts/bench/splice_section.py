"""Puts a generated section into BENCHMARKS.md between its script's markers, replacing the old one.

Usage: python3 Scripts/bench/splice_section.py SCRIPT-NAME SECTION-FILE TARGET
The markers are `<!-- SCRIPT-NAME: start -->` and `<!-- SCRIPT-NAME: end -->`; a new section goes after the title.
"""
import os
import sys

name, section_path, target = sys.argv[1], sys.argv[2], sys.argv[3]
start, end = f"<!-- {name}: start -->", f"<!-- {name}: end -->"
section = start + "\n" + open(section_path, encoding="utf-8").read().rstrip("\n") + "\n" + end + "\n"
text = open(target, encoding="utf-8").read() if os.path.exists(target) else "# Benchmarks\n"
if start in text and end in text:
    text = text[:text.index(start)] + section + text[text.index(end) + len(end) + 1:]
else:
    head, _, rest = text.partition("\n")
    text = head + "\n\n" + section + ("\n" + rest.lstrip("\n") if rest.strip() else "")
open(target, "w", encoding="utf-8").write(text)
