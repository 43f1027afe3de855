#!/usr/bin/env python3
"""Rewrites the help screens pinned in Tests/DeskEndToEndTests/HelpScreens+*.swift from the built binary.

    swift build && Scripts/help-screens.py [.build/debug/desk]

Each `HelpScreen([...], \"\"\" … \"\"\")` literal gets what `desk … --help` prints at COLUMNS=80; `--add FILE WORDS…`
appends a screen for a new command to FILE's list. Review the diff: every change is a change to the interface.
"""
import json, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
desk = os.path.join(root, ".build/debug/desk")
if args and not args[0].startswith("--"):
    desk = args.pop(0)
INDENT = " " * 12


def screen(words):
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    out = subprocess.run([desk] + words + ["--help"], env=env, capture_output=True, text=True, check=True).stdout
    body = out
    lines = [(INDENT + line if line else "") for line in body.replace("\\", "\\\\").split("\n")]
    return "\n".join(lines) + "\n" + INDENT + '"""'


def literal(words):
    return 'HelpScreen(%s, """\n%s)' % (json.dumps(words, ensure_ascii=False).replace('", "', '", "'), screen(words))


pattern = re.compile(r'HelpScreen\((\[[^\]]*\]), """\n.*?\n {12}"""\)', re.S)
if args[:1] == ["--add"]:
    path, words = os.path.join(root, args[1]), args[2:]
    text = open(path, encoding="utf-8").read()
    end = text.rindex("    ]\n}")
    text = text[:end] + "        " + literal(words) + ",\n" + text[end:]
    open(path, "w", encoding="utf-8").write(text)
    sys.exit(0)
folder = os.path.join(root, "Tests/DeskEndToEndTests")
for name in sorted(os.listdir(folder)):
    if not name.startswith("HelpScreens+"):
        continue
    path = os.path.join(folder, name)
    text = open(path, encoding="utf-8").read()
    new = pattern.sub(lambda m: literal(json.loads(m.group(1))), text)
    if new != text:
        open(path, "w", encoding="utf-8").write(new)
        print("rewrote", name)
