-- Per-account settings (issue 15): an account's calendar, hours, ladders, due times, priority coefficients and
-- sensitive keywords, each falling back to the service-wide default when the account has not set it.
--
-- `settings` is rebuilt with an account scope: a row of no account (account_id NULL) is the service-wide default,
-- a row of an account is that account's own value. Only the settings an account may set are stored per account
-- (the code refuses the others; `Setting.scope` says which). `sensitive_keywords` is never service-wide: an
-- account's keywords are its own and none by default (a law firm's normal words are a clinic's sensitive ones),
-- so the keywords a desk had before this migration become its one account's (id 1, `default`), and it marks the
-- same messages sensitive as before.
--
-- `calendar_entries` gains the same scope: an entry of no account closes or opens the service's calendar, which
-- every account follows; an entry of an account is that account's own, on top of the service's.
--
-- Each change is still an event of subject 'setting'; an account's carries the account's code in its fields.

CREATE TABLE settings_new (
    id          INTEGER PRIMARY KEY,
    -- NULL: the service-wide default.
    account_id  INTEGER REFERENCES accounts(id),
    key         TEXT NOT NULL CHECK (length(key) > 0),
    value       TEXT NOT NULL,
    CHECK (key <> 'sensitive_keywords' OR account_id IS NOT NULL)
) STRICT;
INSERT INTO settings_new (account_id, key, value)
SELECT CASE WHEN key = 'sensitive_keywords' THEN 1 END, key, value FROM settings ORDER BY key;
DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;
CREATE UNIQUE INDEX settings_service_key ON settings(key) WHERE account_id IS NULL;
CREATE UNIQUE INDEX settings_account_key ON settings(account_id, key) WHERE account_id IS NOT NULL;

ALTER TABLE calendar_entries ADD COLUMN account_id INTEGER REFERENCES accounts(id);

-- At most one entry in force per opened date and per weekday, in the service's calendar and in each account's.
DROP INDEX calendar_entries_one_open_date;
DROP INDEX calendar_entries_one_per_weekday;
CREATE UNIQUE INDEX calendar_entries_one_open_date ON calendar_entries(first_day)
    WHERE kind = 'open' AND removed_at IS NULL AND account_id IS NULL;
CREATE UNIQUE INDEX calendar_entries_one_per_weekday ON calendar_entries(weekday)
    WHERE kind = 'weekday' AND removed_at IS NULL AND account_id IS NULL;
CREATE UNIQUE INDEX calendar_entries_account_open_date ON calendar_entries(account_id, first_day)
    WHERE kind = 'open' AND removed_at IS NULL AND account_id IS NOT NULL;
CREATE UNIQUE INDEX calendar_entries_account_weekday ON calendar_entries(account_id, weekday)
    WHERE kind = 'weekday' AND removed_at IS NULL AND account_id IS NOT NULL;

DROP TRIGGER calendar_entries_only_removed;
CREATE TRIGGER calendar_entries_only_removed BEFORE UPDATE ON calendar_entries
WHEN NOT (OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL AND NEW.id = OLD.id AND NEW.kind = OLD.kind
          AND NEW.first_day IS OLD.first_day AND NEW.last_day IS OLD.last_day AND NEW.weekday IS OLD.weekday
          AND NEW.opens IS OLD.opens AND NEW.closes IS OLD.closes AND NEW.note IS OLD.note AND NEW.added_at = OLD.added_at
          AND NEW.account_id IS OLD.account_id)
BEGIN SELECT RAISE(ABORT, 'a calendar entry is only ever removed, once'); END;
