-- Calls that are not messages, block lists, plans and monthly usage (issue 15).
--
-- A call that leaves no message (a sales call declined 営業電話, a wrong number, a silent call 無言, spam, a test
-- call, or a call from a number on the account's block list) is a screened call: it has an account, a time, an
-- outcome and (but for a silent call) the caller's number, and never a callback. `calls` is left as it is, so a
-- screened call takes its id from the calls' own sequence (the store raises sqlite_sequence for 'calls'): one id
-- names one call in either table, and `desk usage strike ID` and the events of subject 'call' stay unambiguous.
--
-- A strike moves a call (a message or a screened call) to spam for billing, once; the plan caps the strikes of a
-- month. A plan and a block list belong to an account. Every change is an event, and the usage of a month is
-- rebuilt from the log as of the month's end (kinds call.screened, call.struck, account.plan_set,
-- account.blocked, account.unblocked), so a closed month never changes. Money is integer yen.

CREATE TABLE screened_calls (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    at          TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    outcome     TEXT NOT NULL CHECK (outcome = 'sales' OR outcome = 'wrong_number' OR outcome = 'silent'
                                     OR outcome = 'spam' OR outcome = 'test' OR outcome = 'blocked'),
    -- The caller's number; a silent caller may have withheld it.
    phone       TEXT CHECK (phone IS NULL OR (phone GLOB '+[1-9]*' AND phone NOT GLOB '+*[^0-9]*')),
    operator_id INTEGER REFERENCES staff(id),
    note        TEXT,
    CHECK (phone IS NOT NULL OR outcome = 'silent')
) STRICT;
CREATE INDEX screened_calls_by_account ON screened_calls(account_id, at);

CREATE TRIGGER screened_calls_never_deleted BEFORE DELETE ON screened_calls
BEGIN SELECT RAISE(ABORT, 'calls are never deleted'); END;
CREATE TRIGGER screened_calls_never_updated BEFORE UPDATE ON screened_calls
BEGIN SELECT RAISE(ABORT, 'calls are never changed; a strike is recorded beside the call'); END;
CREATE TRIGGER screened_calls_id_not_a_call BEFORE INSERT ON screened_calls
WHEN EXISTS (SELECT 1 FROM calls WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a screened call takes an id no call has'); END;
CREATE TRIGGER calls_id_not_a_screened_call BEFORE INSERT ON calls
WHEN EXISTS (SELECT 1 FROM screened_calls WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a call takes an id no screened call has'); END;
CREATE TRIGGER screened_calls_operator_within_account BEFORE INSERT ON screened_calls
WHEN EXISTS (SELECT 1 FROM staff s WHERE s.id = NEW.operator_id AND s.account_id IS NOT NULL
             AND s.account_id <> NEW.account_id)
BEGIN SELECT RAISE(ABORT, 'a call is taken by staff of its account, or of the service'); END;

-- A call moved to spam for billing (desk usage strike): at most once, never undone.
CREATE TABLE call_strikes (
    call_id     INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    at          TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;
CREATE TRIGGER call_strikes_never_deleted BEFORE DELETE ON call_strikes
BEGIN SELECT RAISE(ABORT, 'strikes are never deleted'); END;
CREATE TRIGGER call_strikes_never_updated BEFORE UPDATE ON call_strikes
BEGIN SELECT RAISE(ABORT, 'strikes are never changed'); END;
CREATE TRIGGER call_strikes_of_a_call_of_the_account BEFORE INSERT ON call_strikes
WHEN NOT EXISTS (SELECT 1 FROM calls k JOIN callers c ON c.id = k.caller_id
                 WHERE k.id = NEW.call_id AND c.account_id = NEW.account_id)
 AND NOT EXISTS (SELECT 1 FROM screened_calls WHERE id = NEW.call_id AND account_id = NEW.account_id)
BEGIN SELECT RAISE(ABORT, 'a strike names a call of its account'); END;

-- The numbers an account does not want answered. Never deleted: unblocking stamps removed_at once, and a number
-- may be blocked again after.
CREATE TABLE account_blocks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    phone       TEXT NOT NULL CHECK (phone GLOB '+[1-9]*' AND phone NOT GLOB '+*[^0-9]*'),
    note        TEXT,
    added_at    TEXT NOT NULL CHECK (added_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    removed_at  TEXT CHECK (removed_at IS NULL OR (removed_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND removed_at >= added_at))
) STRICT;
CREATE UNIQUE INDEX account_blocks_listed_once ON account_blocks(account_id, phone) WHERE removed_at IS NULL;
CREATE TRIGGER account_blocks_never_deleted BEFORE DELETE ON account_blocks
BEGIN SELECT RAISE(ABORT, 'blocked numbers are never deleted; unblock one with desk account unblock'); END;
CREATE TRIGGER account_blocks_only_removed BEFORE UPDATE ON account_blocks
WHEN NOT (OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL AND NEW.id = OLD.id AND NEW.account_id = OLD.account_id
          AND NEW.phone = OLD.phone AND NEW.note IS OLD.note AND NEW.added_at = OLD.added_at)
BEGIN SELECT RAISE(ABORT, 'a blocked number is only ever unblocked, once'); END;

-- An account's plan, as it is now (its history is in the log, account.plan_set).
CREATE TABLE account_plans (
    account_id          INTEGER PRIMARY KEY REFERENCES accounts(id),
    monthly_fee_yen     INTEGER NOT NULL CHECK (monthly_fee_yen >= 0),
    calls_included      INTEGER NOT NULL CHECK (calls_included >= 0),
    extra_call_yen      INTEGER NOT NULL CHECK (extra_call_yen >= 0),
    -- The billable categories, as a JSON array of 'message', 'sales', 'wrong_number', 'silent', 'spam', 'test',
    -- 'blocked'.
    billable            TEXT NOT NULL CHECK (json_valid(billable) AND json_type(billable) = 'array'),
    -- The strikes a month may have, as a share of the calls included (10: 10%).
    strike_cap_percent  INTEGER NOT NULL CHECK (strike_cap_percent BETWEEN 0 AND 100),
    set_at              TEXT NOT NULL CHECK (set_at GLOB '[0-9][0-9][0-9][0-9]-*Z')
) STRICT;
CREATE TRIGGER account_plans_never_deleted BEFORE DELETE ON account_plans
BEGIN SELECT RAISE(ABORT, 'a plan is changed, never deleted'); END;
