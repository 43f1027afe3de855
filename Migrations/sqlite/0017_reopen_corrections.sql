-- Mistakes can be undone, visibly (issue 17).
--
-- `desk reopen` brings a closed callback back. Its ladders start again from the reopening: the urgent ladder
-- counts from `reopened_at` (else from `opened_at`, as before), and the steps fired before it do not count, which
-- the sweep tells by their round: a reopened callback's rounds are numbered from `ladder_round_base`, one past
-- the highest round fired before, so the rows of `escalations` stay unique and nothing is rewritten. Columns are
-- added, not the table rebuilt: the rows, their ids and the triggers stay as they were.
ALTER TABLE callbacks ADD COLUMN reopened_at TEXT CHECK (reopened_at GLOB '[0-9][0-9][0-9][0-9]-*Z');
ALTER TABLE callbacks ADD COLUMN ladder_round_base INTEGER NOT NULL DEFAULT 0 CHECK (ladder_round_base >= 0);

-- `desk correct` fixes a wrong detail of a callback without touching the call or the message it came with
-- (they are never updated): the correction is a row of its own, the latest one of a field wins where the desk
-- shows the callback, and the original stays in its call, its message and the event log. A message note says
-- what the message should have said, beside the words taken.
CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    callback_id  INTEGER NOT NULL REFERENCES callbacks(id),
    -- The message a note belongs to (the callback's latest when it was made); only for message notes.
    message_id   INTEGER REFERENCES messages(id),
    field        TEXT NOT NULL CHECK (field = 'phone' OR field = 'caller' OR field = 'message_note'),
    before       TEXT,
    after        TEXT NOT NULL,
    at           TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    actor        TEXT NOT NULL,
    reason       TEXT,
    CHECK ((field = 'message_note') = (message_id IS NOT NULL))
) STRICT;
CREATE INDEX corrections_by_callback ON corrections(callback_id, field);
-- The report counts corrections by the day they were made.
CREATE INDEX corrections_by_time ON corrections(at);

CREATE TRIGGER corrections_never_deleted BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;
CREATE TRIGGER corrections_never_updated BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are never changed; correct again'); END;
CREATE TRIGGER corrections_of_a_message_of_the_callback BEFORE INSERT ON corrections
WHEN NEW.message_id IS NOT NULL
     AND (SELECT callback_id FROM messages WHERE id = NEW.message_id) IS NOT NEW.callback_id
BEGIN SELECT RAISE(ABORT, 'a message note corrects a message of its callback'); END;
