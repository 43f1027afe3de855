-- MessageDesk schema, first version.
-- Timestamps are UTC, ISO-8601 to the second: 2026-11-22T05:30:00Z (sortable, unambiguous).
-- Nothing is deleted and nothing changes without an event: triggers below refuse deletes,
-- and every update the library makes writes its event in the same transaction.

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    handle        TEXT NOT NULL UNIQUE
                  CHECK (length(handle) BETWEEN 1 AND 32 AND handle GLOB '[a-z]*'
                         AND handle NOT GLOB '*[^a-z0-9._-]*'),
    display_name  TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('salesperson', 'operator', 'manager')),
    mobile        TEXT CHECK (mobile IS NULL OR mobile GLOB '+[1-9]*'),
    substitute_id INTEGER REFERENCES staff(id),
    escalation_id INTEGER REFERENCES staff(id),
    created_at    TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    CHECK (substitute_id IS NULL OR substitute_id <> id),
    CHECK (escalation_id IS NULL OR escalation_id <> id)
) STRICT;

-- Presence history: the current presence of a person is their latest row.
CREATE TABLE presence (
    id        INTEGER PRIMARY KEY,
    staff_id  INTEGER NOT NULL REFERENCES staff(id),
    status    TEXT NOT NULL CHECK (status IN ('in_office', 'meeting', 'out', 'day_off', 'leave')),
    since     TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    until     TEXT CHECK (until IS NULL OR (until GLOB '[0-9][0-9][0-9][0-9]-*Z' AND until > since)),
    note      TEXT,
    set_by    TEXT NOT NULL
) STRICT;
CREATE INDEX presence_latest ON presence(staff_id, id);

-- A caller is known by one normalised phone number (E.164), so repeat calls match.
CREATE TABLE callers (
    id          INTEGER PRIMARY KEY,
    phone       TEXT NOT NULL UNIQUE CHECK (phone GLOB '+[1-9]*' AND phone NOT GLOB '+*[^0-9]*'),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    company     TEXT,
    created_at  TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-*Z')
) STRICT;

-- The callback (折り返し) one staff member owes a caller.
CREATE TABLE callbacks (
    id                INTEGER PRIMARY KEY,
    owner_id          INTEGER NOT NULL REFERENCES staff(id),
    caller_id         INTEGER NOT NULL REFERENCES callers(id),
    state             TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'done', 'cancelled')),
    urgent            INTEGER NOT NULL CHECK (urgent IN (0, 1)),
    new_contact       INTEGER NOT NULL CHECK (new_contact IN (0, 1)),
    not_before        TEXT CHECK (not_before IS NULL OR not_before GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    not_after         TEXT CHECK (not_after IS NULL OR not_after GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    due_at            TEXT NOT NULL CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    repeat_count      INTEGER NOT NULL DEFAULT 0 CHECK (repeat_count >= 0),
    attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    escalation_level  INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
    opened_at         TEXT NOT NULL CHECK (opened_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    acknowledged_at   TEXT,
    closed_at         TEXT,
    closing_note      TEXT,
    CHECK ((state IN ('done', 'cancelled')) = (closed_at IS NOT NULL)),
    CHECK (state <> 'acknowledged' OR acknowledged_at IS NOT NULL),
    CHECK (not_before IS NULL OR not_after IS NULL OR not_before < not_after)
) STRICT;
-- "Open callbacks of one person by priority / due": the list salespeople run most.
CREATE INDEX callbacks_open_by_owner ON callbacks(owner_id, due_at)
    WHERE state IN ('open', 'acknowledged');
-- Repeat calls join: at most one live callback per caller and owner, enforced by the database.
CREATE UNIQUE INDEX callbacks_one_live_per_caller_owner ON callbacks(caller_id, owner_id)
    WHERE state IN ('open', 'acknowledged');
CREATE INDEX callbacks_by_state_due ON callbacks(state, due_at);

-- One call to the office.
CREATE TABLE calls (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    caller_id     INTEGER NOT NULL REFERENCES callers(id),
    for_id        INTEGER NOT NULL REFERENCES staff(id),
    operator_id   INTEGER REFERENCES staff(id),
    caller_name   TEXT NOT NULL,
    company       TEXT,
    tried_mobile  INTEGER NOT NULL CHECK (tried_mobile IN (0, 1)),
    outcome       TEXT NOT NULL CHECK (outcome IN ('message_taken', 'handed_to_substitute',
                                                   'solved_by_office', 'will_call_again'))
) STRICT;
CREATE INDEX calls_by_caller ON calls(caller_id, at);

-- The message (伝言) taken on a call, and the callback it opened or joined.
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    call_id      INTEGER NOT NULL UNIQUE REFERENCES calls(id),
    callback_id  INTEGER NOT NULL REFERENCES callbacks(id),
    body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
    urgent       INTEGER NOT NULL CHECK (urgent IN (0, 1)),
    wants        TEXT NOT NULL CHECK (wants IN ('callback', 'call_again', 'info', 'verify')),
    not_before   TEXT CHECK (not_before IS NULL OR not_before GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    not_after    TEXT CHECK (not_after IS NULL OR not_after GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    new_contact  INTEGER NOT NULL CHECK (new_contact IN (0, 1)),
    CHECK (not_before IS NULL OR not_after IS NULL OR not_before < not_after)
) STRICT;
CREATE INDEX messages_by_callback ON messages(callback_id, id);

-- Office-wide settings (business hours, time zone, …), each change an event.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The append-only event log: the desk's proof of what happened.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    actor       TEXT NOT NULL CHECK (length(actor) > 0),
    subject     TEXT NOT NULL CHECK (subject IN ('staff', 'presence', 'caller', 'call', 'callback', 'setting')),
    subject_id  INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    before      TEXT CHECK (before IS NULL OR json_valid(before)),
    after       TEXT CHECK (after IS NULL OR json_valid(after)),
    reason      TEXT
) STRICT;
CREATE INDEX events_by_subject ON events(subject, subject_id, id);

CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER staff_never_deleted BEFORE DELETE ON staff
BEGIN SELECT RAISE(ABORT, 'staff are never deleted'); END;
CREATE TRIGGER presence_never_deleted BEFORE DELETE ON presence
BEGIN SELECT RAISE(ABORT, 'presence history is never deleted'); END;
CREATE TRIGGER presence_never_updated BEFORE UPDATE ON presence
BEGIN SELECT RAISE(ABORT, 'presence history is append-only'); END;
CREATE TRIGGER callers_never_deleted BEFORE DELETE ON callers
BEGIN SELECT RAISE(ABORT, 'callers are never deleted'); END;
CREATE TRIGGER calls_never_deleted BEFORE DELETE ON calls
BEGIN SELECT RAISE(ABORT, 'calls are never deleted'); END;
CREATE TRIGGER calls_never_updated BEFORE UPDATE ON calls
BEGIN SELECT RAISE(ABORT, 'calls are never changed'); END;
CREATE TRIGGER messages_never_deleted BEFORE DELETE ON messages
BEGIN SELECT RAISE(ABORT, 'messages are never deleted'); END;
CREATE TRIGGER messages_never_updated BEFORE UPDATE ON messages
BEGIN SELECT RAISE(ABORT, 'messages are never changed'); END;
CREATE TRIGGER callbacks_never_deleted BEFORE DELETE ON callbacks
BEGIN SELECT RAISE(ABORT, 'callbacks are never deleted'); END;
