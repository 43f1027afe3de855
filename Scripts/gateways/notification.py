"""What every MessageDesk gateway shares: reading the notification `desk notify` writes on stdin, the exit
codes desk reads back, and posting to an HTTP endpoint.

Exit codes (sysexits): 0 only when the far end accepted the notification; 75 (EX_TEMPFAIL) when it may take it
later (HTTP 429 or 5xx, an SMTP 4xx reply, connection refused, a timeout): desk tries again after a backoff;
69 (EX_UNAVAILABLE) when it never will (any other HTTP 4xx, an SMTP 5xx reply): desk keeps the notification as
failed-permanent. 65 and 78 say the notification or the gateway's configuration is wrong; desk treats them as
temporary, so the notification goes out once the configuration is mended. Each failure is one line on stderr.
"""

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

DELIVERED, PERMANENT, TEMPORARY, BAD_INPUT, BAD_CONFIG = 0, 69, 75, 65, 78


class Failure(Exception):
    """A delivery that did not happen: the exit code and the one-line reason."""

    def __init__(self, code, reason):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def run(name, deliver, raw=None):
    """Reads the notification on stdin (or takes the bytes already read), hands it to `deliver` and exits with
    what came of it."""
    try:
        try:
            notification = json.loads((sys.stdin.buffer.read() if raw is None else raw).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise Failure(BAD_INPUT, f"the notification on stdin is not UTF-8 JSON ({error}); run it from `desk notify`")
        if not isinstance(notification, dict):
            raise Failure(BAD_INPUT, "the notification on stdin is not a JSON object; run it from `desk notify`")
        deliver(Notification(notification))
    except Failure as failure:
        print(f"{name}: {one_line(failure.reason)}", file=sys.stderr)
        sys.exit(failure.code)
    sys.exit(DELIVERED)


def one_line(text, length=300):
    """`text` on one line of printable characters, cut to `length`."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())
    return flat if len(flat) <= length else flat[:length] + "…"


class Notification:
    """The fields of the notification JSON, read with the fallbacks of a desk that predates channels."""

    def __init__(self, fields):
        self.fields = fields

    def get(self, *path):
        value = self.fields
        for key in path:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value if value not in ("", None) else None

    @property
    def recipient_handle(self):
        return self.get("recipient", "handle") or self.get("to", "handle")

    @property
    def recipient_name(self):
        return self.get("recipient", "name") or self.get("to", "name")

    @property
    def body(self):
        return self.get("body") or self.get("text") or ""

    @property
    def subject(self):
        if self.get("subject"):
            return self.get("subject")
        callback = self.get("callback_id")
        what = "エスカレーション" if self.get("kind") == "escalation" else "折り返しのお願い"
        return f"[MessageDesk] {what}" + (f" #{callback}" if callback is not None else "")

    @property
    def reply_code(self):
        return self.get("reply_code")

    @property
    def idempotency_key(self):
        return self.get("idempotency_key")

    @property
    def body_without_reply_hint(self):
        """desk's `body` ends with one English line on how to answer by the reply code; `text` is the same without
        it, so a gateway that says how to answer in its own words (Japanese and English) does not say it twice."""
        return (self.get("text") or self.body) if self.reply_code else self.body

    def text(self, reply_hint=True):
        """The body, then how to answer with the reply code (when there is one): what a chat message shows."""
        code = self.reply_code
        text = self.body_without_reply_hint if reply_hint else self.body
        if code and reply_hint:
            text += (f"\n\n返信コード / reply code: {code}\n"
                     f"対応したら / to answer: desk ack {code} (了解) または / or desk done {code} (対応済み)")
        return text


def setting(option, variable, default=None):
    """An option's value, else the environment's, else the default."""
    return option if option not in (None, "") else os.environ.get(variable) or default


def post(name, url, data, headers, timeout):
    """POSTs `data` (bytes) to `url`; returns on a 2xx answer, raises `Failure` on any other."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Failure(BAD_CONFIG, f"'{one_line(url, 80)}' is not an http(s) URL; give the endpoint's full URL")
    # The URL may hold the secret (a Slack or Teams webhook's path does): reasons name the host only.
    where = parts.hostname + (f":{parts.port}" if parts.port else "")
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.build_opener(_KeepRedirects).open(request, timeout=timeout) as answer:
            status = answer.status
            said = answer.read(300)
    except urllib.error.HTTPError as error:
        status = error.code
        said = error.read(300) if error.fp else b""
    except (urllib.error.URLError, OSError) as error:
        cause = getattr(error, "reason", error)
        raise Failure(TEMPORARY, f"cannot reach {where}: {cause}; tried again later")
    if 200 <= status < 300:
        return
    text = one_line(said.decode("utf-8", "replace"), 200)
    code = TEMPORARY if status == 429 or status >= 500 else PERMANENT
    later = "tried again later" if code == TEMPORARY else "not tried again"
    raise Failure(code, f"{where} answered HTTP {status}" + (f": {text}" if text else "") + f"; {later}")


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """A 3xx comes back as the answer (a permanent failure: the URL is wrong) instead of a POST turned into a GET."""

    def redirect_request(self, *args, **kwargs):
        return None
