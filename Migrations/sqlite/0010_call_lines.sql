-- Knowing the call (issue 15): a call records the line it came in on and the phone system's id for it.
--
-- `line_id` is the account line that was dialled (NULL for a call logged without one, and for every call made
-- before this migration). A removed line keeps its row, so an old call still names the number it came in on.
-- `phone_call_id` is the phone system's own id for the call (Asterisk's ${UNIQUEID}, FreeSWITCH's uuid): printable
-- ASCII without spaces, at most 128 characters, NULL when not given. Within one account it names one call: a
-- retried hook (`desk log --call-id`) is refused, so a call is never logged twice. Two accounts may see the same id
-- (their lines may sit on different phone systems).

ALTER TABLE calls ADD COLUMN line_id INTEGER REFERENCES account_lines(id);
ALTER TABLE calls ADD COLUMN phone_call_id TEXT
    CHECK (phone_call_id IS NULL OR (length(phone_call_id) BETWEEN 1 AND 128 AND phone_call_id NOT GLOB '*[^!-~]*'));

-- The repeat check below, and `desk log`'s own, look a call id up.
CREATE INDEX calls_by_phone_call_id ON calls(phone_call_id) WHERE phone_call_id IS NOT NULL;

-- A call comes in on a line of its caller's account.
CREATE TRIGGER calls_line_within_account BEFORE INSERT ON calls
WHEN NEW.line_id IS NOT NULL
     AND (SELECT account_id FROM account_lines WHERE id = NEW.line_id)
         IS NOT (SELECT account_id FROM callers WHERE id = NEW.caller_id)
BEGIN SELECT RAISE(ABORT, 'a call comes in on a line of its caller''s account'); END;

-- One call per phone-system id within an account.
CREATE TRIGGER calls_phone_call_id_once_per_account BEFORE INSERT ON calls
WHEN NEW.phone_call_id IS NOT NULL
     AND EXISTS (SELECT 1 FROM calls k JOIN callers c ON c.id = k.caller_id
                 WHERE k.phone_call_id = NEW.phone_call_id
                   AND c.account_id = (SELECT account_id FROM callers WHERE id = NEW.caller_id))
BEGIN SELECT RAISE(ABORT, 'this call id was logged already for the account'); END;

-- The call's line and id are what the phone system said; they never change.
CREATE TRIGGER calls_line_and_id_kept BEFORE UPDATE OF line_id, phone_call_id ON calls
WHEN NEW.line_id IS NOT OLD.line_id OR NEW.phone_call_id IS NOT OLD.phone_call_id
BEGIN SELECT RAISE(ABORT, 'a call''s line and phone-system id are kept as recorded'); END;

-- `desk incoming` finds the person from the diversion number: a mobile within the account.
CREATE INDEX staff_by_mobile ON staff(account_id, mobile) WHERE mobile IS NOT NULL;
