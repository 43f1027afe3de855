#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for MessageDesk's tests and benchmark (aiosmtpd, Debian's python3-aiosmtpd).

  smtp-server.py --dir DIR [--lifetime SECONDS]

Listens on a free port of 127.0.0.1 and prints "ready PORT" on stdout once it accepts connections. Each mail it
accepts is written to DIR/mail-N.eml (the bytes as received) and DIR/mail-N.json (envelope sender, recipients,
and the time it was accepted), and "mail N" is printed on stdout: a test reads stdout to wait for a mail, with no
sleep. A file DIR/next-reply holding an SMTP reply ("451 4.3.0 try again later", "554 5.7.1 refused") is
taken (and removed) by the next mail, which gets that reply instead of 250. It exits on SIGTERM, on stdin's end,
or after --lifetime seconds (default 300), whichever comes first: it never outlives a test.
"""
import argparse
import asyncio
import json
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class Recorder:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        control = os.path.join(self.directory, "next-reply")
        if os.path.exists(control):
            with open(control) as file:
                reply = file.read().strip()
            os.remove(control)
            return reply
        self.count += 1
        base = os.path.join(self.directory, f"mail-{self.count}")
        with open(base + ".eml", "wb") as file:
            file.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w") as file:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "at": time.time()}, file)
        print(f"mail {self.count}", flush=True)
        return "250 OK"


async def serve(directory, lifetime):
    loop = asyncio.get_running_loop()
    recorder = Recorder(directory)
    server = await loop.create_server(lambda: SMTP(recorder, hostname="desk-test", decode_data=False),
                                      "127.0.0.1", 0)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    try:
        loop.add_reader(sys.stdin.fileno(), lambda: stop.set() if not os.read(sys.stdin.fileno(), 4096) else None)
    except (PermissionError, ValueError):
        pass  # stdin is a file or /dev/null, which cannot be watched: SIGTERM and the lifetime still stop it
    print(f"ready {server.sockets[0].getsockname()[1]}", flush=True)
    try:
        await asyncio.wait_for(stop.wait(), lifetime)
    except asyncio.TimeoutError:
        pass
    server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True, help="where each mail is written")
    parser.add_argument("--lifetime", type=float, default=300, help="seconds before it stops by itself (default 300)")
    options = parser.parse_args()
    asyncio.run(serve(options.dir, options.lifetime))


main()
