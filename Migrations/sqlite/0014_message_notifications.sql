-- A notification for every message, on the channels people read, answerable by a reply code (issue 16).
--
-- `channels`: where a person (staff_id) or an account's group (account_id) is told. Exactly one owner. A channel
-- is never deleted: removing it stamps removed_at, so the notifications sent to it still say where they went.
CREATE TABLE channels (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    staff_id    INTEGER REFERENCES staff(id),
    account_id  INTEGER REFERENCES accounts(id),
    kind        TEXT NOT NULL CHECK (kind = 'mail' OR kind = 'sms' OR kind = 'slack' OR kind = 'chatwork'
                                     OR kind = 'lineworks' OR kind = 'teams' OR kind = 'webhook'),
    address     TEXT NOT NULL CHECK (length(address) > 0),
    -- LINE WORKS only: the bot that posts (address is the user it posts to).
    bot_id      TEXT CHECK ((kind = 'lineworks') = (bot_id IS NOT NULL)),
    added_at    TEXT NOT NULL CHECK (added_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    removed_at  TEXT CHECK (removed_at IS NULL OR removed_at >= added_at),
    CHECK ((staff_id IS NULL) <> (account_id IS NULL))
) STRICT;
CREATE INDEX channels_of_staff ON channels(staff_id) WHERE removed_at IS NULL AND staff_id IS NOT NULL;
CREATE INDEX channels_of_account ON channels(account_id) WHERE removed_at IS NULL AND account_id IS NOT NULL;
CREATE TRIGGER channels_never_deleted BEFORE DELETE ON channels
BEGIN SELECT RAISE(ABORT, 'channels are never deleted; they are removed'); END;
CREATE TRIGGER channels_only_removed BEFORE UPDATE ON channels
WHEN NOT (OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL AND NEW.id = OLD.id AND NEW.staff_id IS OLD.staff_id
          AND NEW.account_id IS OLD.account_id AND NEW.kind = OLD.kind AND NEW.address = OLD.address
          AND NEW.bot_id IS OLD.bot_id AND NEW.added_at = OLD.added_at)
BEGIN SELECT RAISE(ABORT, 'a channel is only ever removed, once'); END;

-- Two new kinds of notification: `message` (a message was taken or joined its callback) and `renotify` (nobody
-- acknowledged it). Widening the CHECK changes only the table's SQL text, not a byte of its rows: the same
-- documented sqlite_schema edit as 0004 (lang_altertable.html, "making other kinds of table schema changes").
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind IN (''reminder'', ''escalation''))',
    'CHECK ((kind = ''reminder'' OR kind = ''escalation'' OR kind = ''message'' OR kind = ''renotify''))')
    WHERE type = 'table' AND name = 'notifications';
PRAGMA writable_schema = RESET;
CREATE TABLE schema_cookie_bump (x);
DROP TABLE schema_cookie_bump;

-- Each notification carries the channel it goes to, copied (a channel removed later does not rewrite where a
-- notification went). 'none': nobody has a channel; the gateway goes by the recipient, as before this migration.
ALTER TABLE notifications ADD COLUMN channel_kind TEXT NOT NULL DEFAULT 'none'
    CHECK (channel_kind = 'none' OR channel_kind = 'mail' OR channel_kind = 'sms' OR channel_kind = 'slack'
           OR channel_kind = 'chatwork' OR channel_kind = 'lineworks' OR channel_kind = 'teams' OR channel_kind = 'webhook');
ALTER TABLE notifications ADD COLUMN channel_address TEXT CHECK ((channel_kind = 'none') = (channel_address IS NULL));
ALTER TABLE notifications ADD COLUMN channel_bot_id TEXT CHECK ((channel_kind = 'lineworks') = (channel_bot_id IS NOT NULL));
-- What a gateway puts in a mail's subject (one line) and a chat's first line; masked when the message is sensitive.
-- NULL for notifications written before this migration.
ALTER TABLE notifications ADD COLUMN subject TEXT;
ALTER TABLE notifications ADD COLUMN summary TEXT;
-- The message a `message` or `renotify` notification is about.
ALTER TABLE notifications ADD COLUMN message_id INTEGER REFERENCES messages(id)
    CHECK ((kind = 'message' OR kind = 'renotify') = (message_id IS NOT NULL));
-- The code that acks or closes the callback from the notification (8 Crockford base32 characters, 40 random
-- bits); NULL for notifications written before this migration. Used once: reply_used_at.
ALTER TABLE notifications ADD COLUMN reply_code TEXT CHECK (reply_code IS NULL OR (length(reply_code) = 8
    AND reply_code NOT GLOB '*[^0-9A-HJKMNP-TV-Z]*' AND reply_code GLOB '*[A-Z]*'));
ALTER TABLE notifications ADD COLUMN reply_used_at TEXT CHECK (reply_used_at IS NULL OR reply_code IS NOT NULL);
CREATE UNIQUE INDEX notifications_reply_code ON notifications(reply_code) WHERE reply_code IS NOT NULL;
CREATE INDEX notifications_of_message ON notifications(message_id) WHERE message_id IS NOT NULL;

-- One re-notification per message, at most: the UNIQUE key that makes the sweep's re-notification idempotent,
-- like a ladder step's row in `escalations`.
CREATE TABLE renotifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  INTEGER NOT NULL UNIQUE REFERENCES messages(id),
    at          TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-*Z')
) STRICT;
CREATE TRIGGER renotifications_never_deleted BEFORE DELETE ON renotifications
BEGIN SELECT RAISE(ABORT, 'renotifications are never deleted'); END;
CREATE TRIGGER renotifications_never_updated BEFORE UPDATE ON renotifications
BEGIN SELECT RAISE(ABORT, 'renotifications are never changed'); END;
