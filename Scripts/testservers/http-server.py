#!/usr/bin/python3
"""A local HTTP server for MessageDesk's chat gateway tests: it checks each request against the format of the
service its path names, and answers with the statuses it was given, in turn.

  http-server.py --dir DIR [--answers 200,429,500,400] [--secret S] [--lifetime SECONDS]

Listens on a free port of 127.0.0.1 and prints "ready PORT" on stdout once it accepts connections. Paths:
  /slack/…                            Slack incoming webhook: JSON {"text": string}
  /teams/…                            Teams Workflows: a message with one Adaptive Card attachment
  /v2/rooms/ROOM/messages             Chatwork: form body and self_unread, X-ChatWorkToken
  /v1.0/bots/BOT/users/USER/messages  LINE WORKS Bot API 2.0: Bearer token, {"content": {"type": "text", ...}}
  /webhook/…                          any JSON, X-MessageDesk-Signature = sha256=HMAC-SHA256(secret, body) in hex
A request that breaks its format gets 400 whatever the answers say. Otherwise the Nth request gets the Nth of
--answers (200 once they are used up). Each request is written to DIR/request-N.json (path, headers, body, the
format's verdict, the answer) and "request N STATUS" is printed on stdout. It exits on SIGTERM, on stdin's end,
or after --lifetime seconds (default 300).
"""
import argparse
import hashlib
import hmac
import json
import os
import re
import signal
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer


def check(path, headers, body, secret):
    """None when the request is in its service's format; else what is wrong."""
    def json_body():
        if not headers.get("Content-Type", "").startswith("application/json"):
            raise ValueError("Content-Type is not application/json")
        return json.loads(body.decode("utf-8"))
    try:
        if path.startswith("/slack/"):
            payload = json_body()
            if not isinstance(payload.get("text"), str) or not payload["text"]:
                return "no text"
        elif path.startswith("/teams/"):
            payload = json_body()
            attachment = payload["attachments"][0]
            card = attachment["content"]
            if payload.get("type") != "message" or attachment.get("contentType") != "application/vnd.microsoft.card.adaptive" \
                    or card.get("type") != "AdaptiveCard" or not card.get("version") or not card.get("body"):
                return "not a message with an Adaptive Card"
        elif re.fullmatch(r"/v2/rooms/[0-9]+/messages", path):
            if not headers.get("X-ChatWorkToken"):
                return "no X-ChatWorkToken"
            form = urllib.parse.parse_qs(body.decode("ascii"), strict_parsing=True)
            if not form.get("body") or form.get("self_unread") not in (["0"], ["1"]):
                return "not a form with body and self_unread"
        elif re.fullmatch(r"/v1\.0/bots/[0-9]+/users/[^/]+/messages", path):
            if not headers.get("Authorization", "").startswith("Bearer ") or len(headers["Authorization"]) <= 7:
                return "no Bearer token"
            content = json_body()["content"]
            if content.get("type") != "text" or not isinstance(content.get("text"), str):
                return "content is not text"
        elif path.startswith("/webhook/"):
            json_body()
            expected = "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(headers.get("X-MessageDesk-Signature", ""), expected):
                return "bad signature"
        else:
            return "unknown path"
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
        return f"malformed: {error}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True, help="where each request is written")
    parser.add_argument("--answers", default="", help="statuses to answer, in turn (then 200)")
    parser.add_argument("--secret", default="", help="the webhook's HMAC secret")
    parser.add_argument("--lifetime", type=float, default=300, help="seconds before it stops by itself (default 300)")
    options = parser.parse_args()
    answers = [int(a) for a in options.answers.split(",") if a]
    lock = threading.Lock()
    count = [0]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            problem = check(self.path, self.headers, body, options.secret)
            with lock:
                count[0] += 1
                number = count[0]
                status = 400 if problem else (answers[number - 1] if number <= len(answers) else 200)
                with open(os.path.join(options.dir, f"request-{number}.json"), "w") as file:
                    json.dump({"path": self.path, "headers": dict(self.headers), "body": body.decode("utf-8", "replace"),
                               "problem": problem, "status": status}, file, ensure_ascii=False)
            answer = (problem or "ok").encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
            print(f"request {number} {status}", flush=True)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.buffer.read(), stop.set()), daemon=True).start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"ready {server.server_address[1]}", flush=True)
    stop.wait(options.lifetime)
    server.shutdown()


main()
