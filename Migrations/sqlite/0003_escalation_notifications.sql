-- Escalation and notifications: every step a ladder fires, once, and the outbox of what to send.

-- One row per fired step. The UNIQUE key is what makes the sweep idempotent: a step of a ladder's
-- cycle fires once, however often and however concurrently the sweep runs.
CREATE TABLE escalations (
    id           INTEGER PRIMARY KEY,
    callback_id  INTEGER NOT NULL REFERENCES callbacks(id),
    ladder       TEXT NOT NULL CHECK (ladder IN ('urgent', 'overdue', 'manual')),
    cycle        INTEGER NOT NULL CHECK (cycle >= 0),
    step         INTEGER NOT NULL CHECK (step >= 0),
    target_id    INTEGER REFERENCES staff(id),
    at           TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    reason       TEXT NOT NULL,
    UNIQUE (callback_id, ladder, cycle, step)
) STRICT;

-- The outbox: written in the same transaction as the escalation's event; `desk notify` hands each
-- pending one to a gateway (one notifier at a time, under a lock) and marks it delivered only when
-- the gateway succeeded.
CREATE TABLE notifications (
    id             INTEGER PRIMARY KEY,
    created_at     TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    recipient_id   INTEGER NOT NULL REFERENCES staff(id),
    callback_id    INTEGER NOT NULL REFERENCES callbacks(id),
    escalation_id  INTEGER REFERENCES escalations(id),
    kind           TEXT NOT NULL CHECK (kind IN ('reminder', 'escalation')),
    reason         TEXT NOT NULL,
    body           TEXT NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error     TEXT,
    delivered_at   TEXT
) STRICT;
CREATE INDEX notifications_pending ON notifications(id) WHERE delivered_at IS NULL;

CREATE TRIGGER escalations_never_deleted BEFORE DELETE ON escalations
BEGIN SELECT RAISE(ABORT, 'escalations are never deleted'); END;
CREATE TRIGGER escalations_never_updated BEFORE UPDATE ON escalations
BEGIN SELECT RAISE(ABORT, 'escalations are never changed'); END;
CREATE TRIGGER notifications_never_deleted BEFORE DELETE ON notifications
BEGIN SELECT RAISE(ABORT, 'notifications are never deleted'); END;
