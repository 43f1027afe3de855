-- Idempotent submission (issue 12, item 12): a message submitted with a request id — `desk log --request-id`,
-- or the form's own key — is recorded once. The id and what the first submission printed are written in
-- the transaction that records the call, so a retry (after a timeout, a kill after the commit, an exit 75)
-- finds them and prints the same result; the same id with a different request is refused by its fingerprint
-- (SHA-256 of the request's fields). Rows older than `Submission.retention` (30 days) are removed when a new
-- one is written: the call and its events stay, only the id's record goes.
CREATE TABLE submissions (
    request_id   TEXT PRIMARY KEY CHECK (length(request_id) BETWEEN 1 AND 128),
    fingerprint  TEXT NOT NULL CHECK (length(fingerprint) = 64),
    call_id      INTEGER NOT NULL REFERENCES calls (id),
    submitted_at TEXT NOT NULL,
    receipt_text TEXT NOT NULL,
    receipt_json TEXT NOT NULL
) STRICT;

CREATE INDEX submissions_by_time ON submissions (submitted_at);
