-- Accounts (issue 15): the client companies an answering service answers for, their lines, and the staff and
-- callers that belong to each.
--
-- Every existing desk becomes one account, `default` (id 1; `desk init --account CODE` renames it on a new desk):
-- its salespeople and callers belong to it, its operators and managers to the service (account_id NULL: they
-- answer every account). No row is dropped and no id changes. `staff` and `callers` are rebuilt (foreign keys are
-- off while migrations run, and checked before commit), so that a handle is unique within its account and a phone
-- number within its account's callers: the same number calling two accounts is two callers.
--
-- The database refuses links across accounts: the triggers `*_within_account` below refuse a callback owner,
-- routed-from owner, call recipient, operator, escalation target, notification recipient, substitute or escalation
-- contact who belongs to another account (service staff are of no account and may be any of them).
--
-- An account's changes are events of subject 'setting' (kinds account.*), as the calendar's are: the accounts are
-- the service's configuration, and the log keeps them with it (the events table is not rebuilt).

CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL UNIQUE
                CHECK (length(code) BETWEEN 1 AND 32 AND code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_-]*'),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- 名乗り: what the operator says on answering; NULL only for the migrated `default` until it is set.
    greeting    TEXT CHECK (greeting IS NULL OR length(trim(greeting)) > 0),
    -- Its furigana, for the operator who cannot read the name.
    reading     TEXT,
    -- Other names a caller may use for the company, as a JSON array of strings.
    aliases     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
    -- What may be told to callers and what not, how to handle sales calls.
    notes       TEXT,
    created_at  TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    closed_at   TEXT CHECK (closed_at IS NULL OR (closed_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND closed_at >= created_at))
) STRICT;

INSERT INTO accounts (id, code, name, created_at)
VALUES (1, 'default', 'default',
        coalesce((SELECT min(at) FROM events), (SELECT max(applied_at) FROM schema_migrations), '2000-01-01T00:00:00Z'));

CREATE TRIGGER accounts_never_deleted BEFORE DELETE ON accounts
BEGIN SELECT RAISE(ABORT, 'accounts are never deleted; close one with desk account close'); END;
CREATE TRIGGER accounts_closed_stay_closed BEFORE UPDATE ON accounts WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a closed account is kept read-only'); END;

-- The numbers that forward to the desk. A line is never deleted: removing it stamps removed_at once; a number
-- belongs to one account at a time (the partial unique index), and may be added again after its removal.
CREATE TABLE account_lines (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    phone       TEXT NOT NULL CHECK (phone GLOB '+[1-9]*' AND phone NOT GLOB '+*[^0-9]*'),
    added_at    TEXT NOT NULL CHECK (added_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    removed_at  TEXT CHECK (removed_at IS NULL OR (removed_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND removed_at >= added_at))
) STRICT;
CREATE UNIQUE INDEX account_lines_one_account ON account_lines(phone) WHERE removed_at IS NULL;
CREATE INDEX account_lines_by_account ON account_lines(account_id, id);

CREATE TRIGGER account_lines_never_deleted BEFORE DELETE ON account_lines
BEGIN SELECT RAISE(ABORT, 'lines are never deleted; remove one with desk account line remove'); END;
CREATE TRIGGER account_lines_only_removed BEFORE UPDATE ON account_lines
WHEN NOT (OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL AND NEW.id = OLD.id AND NEW.account_id = OLD.account_id
          AND NEW.phone = OLD.phone AND NEW.added_at = OLD.added_at)
BEGIN SELECT RAISE(ABORT, 'a line is only ever removed, once'); END;

-- MARK: staff, rebuilt: a handle is unique within its account, and among the service's staff.

CREATE TABLE staff_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    handle        TEXT NOT NULL
                  CHECK (length(handle) BETWEEN 1 AND 32 AND handle GLOB '[a-z]*'
                         AND handle NOT GLOB '*[^a-z0-9._-]*'),
    display_name  TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    role          TEXT NOT NULL CHECK ((role = 'salesperson' OR role = 'operator' OR role = 'manager')),
    mobile        TEXT CHECK (mobile IS NULL OR mobile GLOB '+[1-9]*'),
    substitute_id INTEGER REFERENCES staff(id),
    escalation_id INTEGER REFERENCES staff(id),
    created_at    TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    -- NULL: of the service (operators and managers who answer every account).
    account_id    INTEGER REFERENCES accounts(id),
    CHECK (substitute_id IS NULL OR substitute_id <> id),
    CHECK (escalation_id IS NULL OR escalation_id <> id),
    CHECK (account_id IS NOT NULL OR role <> 'salesperson'),
    UNIQUE (account_id, handle)
) STRICT;
INSERT INTO staff_new (id, handle, display_name, role, mobile, substitute_id, escalation_id, created_at, account_id)
SELECT id, handle, display_name, role, mobile, substitute_id, escalation_id, created_at,
       CASE WHEN role = 'salesperson' THEN 1 END
FROM staff ORDER BY id;
-- Ids are never reused (0006): the new table carries on from the old one's high-water mark.
DELETE FROM sqlite_sequence WHERE name = 'staff_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'staff_new', seq FROM sqlite_sequence WHERE name = 'staff';
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;
CREATE UNIQUE INDEX staff_service_handle ON staff(handle) WHERE account_id IS NULL;

CREATE TRIGGER staff_never_deleted BEFORE DELETE ON staff
BEGIN SELECT RAISE(ABORT, 'staff are never deleted'); END;
CREATE TRIGGER staff_stay_in_their_account BEFORE UPDATE OF account_id ON staff
WHEN NEW.account_id IS NOT OLD.account_id
BEGIN SELECT RAISE(ABORT, 'a member of staff stays in their account'); END;
-- A bare handle names someone of the current account or of the service: never both.
CREATE TRIGGER staff_handle_not_shared_with_the_service BEFORE INSERT ON staff
WHEN EXISTS (SELECT 1 FROM staff WHERE handle = NEW.handle AND (account_id IS NULL OR NEW.account_id IS NULL))
BEGIN SELECT RAISE(ABORT, 'a handle of the service is used by no account, and the other way round'); END;
CREATE TRIGGER staff_links_within_account_insert BEFORE INSERT ON staff
WHEN EXISTS (SELECT 1 FROM staff s WHERE (s.id = NEW.substitute_id OR s.id = NEW.escalation_id)
             AND s.account_id IS NOT NULL AND s.account_id IS NOT NEW.account_id)
BEGIN SELECT RAISE(ABORT, 'a substitute or escalation contact is of the same account, or of the service'); END;
CREATE TRIGGER staff_links_within_account_update BEFORE UPDATE OF substitute_id, escalation_id ON staff
WHEN EXISTS (SELECT 1 FROM staff s WHERE (s.id = NEW.substitute_id OR s.id = NEW.escalation_id)
             AND s.account_id IS NOT NULL AND s.account_id IS NOT NEW.account_id)
BEGIN SELECT RAISE(ABORT, 'a substitute or escalation contact is of the same account, or of the service'); END;

-- MARK: callers, rebuilt: one caller per account and phone number.

CREATE TABLE callers_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    phone       TEXT NOT NULL CHECK (phone GLOB '+[1-9]*' AND phone NOT GLOB '+*[^0-9]*'),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    company     TEXT,
    created_at  TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    UNIQUE (account_id, phone)
) STRICT;
INSERT INTO callers_new (id, phone, name, company, created_at, account_id)
SELECT id, phone, name, company, created_at, 1 FROM callers ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'callers_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'callers_new', seq FROM sqlite_sequence WHERE name = 'callers';
DROP TABLE callers;
ALTER TABLE callers_new RENAME TO callers;

CREATE TRIGGER callers_never_deleted BEFORE DELETE ON callers
BEGIN SELECT RAISE(ABORT, 'callers are never deleted'); END;
CREATE TRIGGER callers_stay_in_their_account BEFORE UPDATE OF account_id ON callers
WHEN NEW.account_id IS NOT OLD.account_id
BEGIN SELECT RAISE(ABORT, 'a caller stays in their account'); END;

-- MARK: no link across accounts. A callback, a call and a message are of their caller's account.

CREATE TRIGGER callbacks_owner_within_account_insert BEFORE INSERT ON callbacks
WHEN EXISTS (SELECT 1 FROM staff s, callers c WHERE c.id = NEW.caller_id
             AND (s.id = NEW.owner_id OR s.id = NEW.routed_from_id)
             AND s.account_id IS NOT NULL AND s.account_id <> c.account_id)
BEGIN SELECT RAISE(ABORT, 'a callback is owed by staff of its caller''s account, or of the service'); END;
CREATE TRIGGER callbacks_owner_within_account_update BEFORE UPDATE OF owner_id, routed_from_id, caller_id ON callbacks
WHEN EXISTS (SELECT 1 FROM staff s, callers c WHERE c.id = NEW.caller_id
             AND (s.id = NEW.owner_id OR s.id = NEW.routed_from_id)
             AND s.account_id IS NOT NULL AND s.account_id <> c.account_id)
BEGIN SELECT RAISE(ABORT, 'a callback is owed by staff of its caller''s account, or of the service'); END;

CREATE TRIGGER calls_within_account BEFORE INSERT ON calls
WHEN EXISTS (SELECT 1 FROM staff s, callers c WHERE c.id = NEW.caller_id
             AND (s.id = NEW.for_id OR s.id = NEW.operator_id)
             AND s.account_id IS NOT NULL AND s.account_id <> c.account_id)
BEGIN SELECT RAISE(ABORT, 'a call is for, and taken by, staff of its caller''s account, or of the service'); END;

CREATE TRIGGER messages_within_account BEFORE INSERT ON messages
WHEN (SELECT c.account_id FROM calls k JOIN callers c ON c.id = k.caller_id WHERE k.id = NEW.call_id)
     IS NOT (SELECT c.account_id FROM callbacks cb JOIN callers c ON c.id = cb.caller_id WHERE cb.id = NEW.callback_id)
BEGIN SELECT RAISE(ABORT, 'a message joins a callback of its call''s account'); END;

CREATE TRIGGER escalations_within_account BEFORE INSERT ON escalations
WHEN EXISTS (SELECT 1 FROM staff s, callbacks cb JOIN callers c ON c.id = cb.caller_id
             WHERE cb.id = NEW.callback_id AND s.id = NEW.target_id
             AND s.account_id IS NOT NULL AND s.account_id <> c.account_id)
BEGIN SELECT RAISE(ABORT, 'an escalation goes to staff of the callback''s account, or of the service'); END;

CREATE TRIGGER notifications_within_account BEFORE INSERT ON notifications
WHEN EXISTS (SELECT 1 FROM staff s, callbacks cb JOIN callers c ON c.id = cb.caller_id
             WHERE cb.id = NEW.callback_id AND s.id = NEW.recipient_id
             AND s.account_id IS NOT NULL AND s.account_id <> c.account_id)
BEGIN SELECT RAISE(ABORT, 'a notification goes to staff of the callback''s account, or of the service'); END;
