-- Issue 15, the rest: an index on the calls' times, each account's own time zone, and request ids for screened calls.
--
-- `calls(at)`: the month's usage (`desk usage --all`) and the daily report pick calls by time, across accounts;
-- without the index each scans every call of the desk.
--
-- `accounts.time_zone`: the IANA zone an account's business day is counted in (its usage months); NULL is the
-- desk's own zone (the `time_zone` setting), so every existing account keeps the months it had.
--
-- `submissions`: a request id (`desk log --request-id`) now also keeps a screened call (`desk log --outcome`), so
-- a retried one is recognised instead of recorded twice. The table is rebuilt: it names exactly one call, in
-- `calls` or in `screened_calls` (one id sequence names one call in either), each with its foreign key.

CREATE INDEX calls_by_time ON calls(at);

ALTER TABLE accounts ADD COLUMN time_zone TEXT CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);

CREATE TABLE submissions_new (
    request_id       TEXT PRIMARY KEY CHECK (length(request_id) BETWEEN 1 AND 128),
    fingerprint      TEXT NOT NULL CHECK (length(fingerprint) = 64),
    call_id          INTEGER REFERENCES calls (id),
    screened_call_id INTEGER REFERENCES screened_calls (id),
    submitted_at     TEXT NOT NULL,
    receipt_text     TEXT NOT NULL,
    receipt_json     TEXT NOT NULL,
    CHECK ((call_id IS NULL) <> (screened_call_id IS NULL))
) STRICT;
INSERT INTO submissions_new (request_id, fingerprint, call_id, submitted_at, receipt_text, receipt_json)
SELECT request_id, fingerprint, call_id, submitted_at, receipt_text, receipt_json FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_new RENAME TO submissions;
CREATE INDEX submissions_by_time ON submissions (submitted_at);
