-- The office's own calendar (issue 14): closures, dates opened, and weekday hours, from `desk calendar`.
--
-- One row per entry. An entry is never changed or deleted: removing it stamps `removed_at` once, and
-- replacing one (new hours for a date or a weekday) removes the old row and adds a new one, so every
-- row says what was in force from when to when. Each add and each removal writes its event in the same
-- transaction (subject 'setting', kind calendar.added / calendar.removed, subject_id the entry's id):
-- the calendar is one of the office's settings, and the log keeps it with them.
--
-- The year-end closure (年末年始, 12-29..01-03) is not a row: it is the setting `year_end_closure`,
-- whose default every desk has without a row, and which can be changed or set to none.
--
-- kind      days                                                            hours (opens, closes)
-- closed    first_day..last_day: YYYY-MM-DD both, or MM-DD both (every year)  none; `note` says why
-- open      first_day = last_day, one YYYY-MM-DD                              its own, or none for the usual ones
-- weekday   `weekday` 1 = Sunday … 7 = Saturday                               the weekday's, or none: closed
--
-- date(x, '+0 days') IS x refuses impossible dates (the modifier rolls 2026-02-30 over to 2026-03-02); 2000 is a leap
-- year, so a yearly day may be 02-29.

CREATE TABLE calendar_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind = 'closed' OR kind = 'open' OR kind = 'weekday'),
    first_day   TEXT CHECK (first_day IS NULL OR date(first_day, '+0 days') IS first_day OR date('2000-' || first_day, '+0 days') IS '2000-' || first_day),
    last_day    TEXT CHECK (last_day IS NULL OR date(last_day, '+0 days') IS last_day OR date('2000-' || last_day, '+0 days') IS '2000-' || last_day),
    weekday     INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 1 AND 7),
    opens       TEXT CHECK (opens IS NULL OR (opens GLOB '[0-2][0-9]:[0-5][0-9]' AND opens <= '23:59')),
    closes      TEXT CHECK (closes IS NULL OR (closes GLOB '[0-2][0-9]:[0-5][0-9]' AND closes <= '23:59')),
    note        TEXT,
    added_at    TEXT NOT NULL CHECK (added_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    removed_at  TEXT CHECK (removed_at IS NULL OR removed_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    CHECK ((opens IS NULL) = (closes IS NULL) AND (opens IS NULL OR opens < closes)),
    CHECK (kind <> 'closed' OR (first_day IS NOT NULL AND last_day IS NOT NULL AND weekday IS NULL AND opens IS NULL
                                AND note IS NOT NULL AND length(first_day) = length(last_day)
                                AND (length(first_day) = 5 OR first_day <= last_day))),
    CHECK (kind <> 'open' OR (length(first_day) = 10 AND last_day = first_day AND weekday IS NULL AND note IS NULL)),
    CHECK (kind <> 'weekday' OR (first_day IS NULL AND last_day IS NULL AND weekday IS NOT NULL AND note IS NULL))
) STRICT;

-- At most one entry in force per opened date and per weekday: a new one replaces it.
CREATE UNIQUE INDEX calendar_entries_one_open_date ON calendar_entries(first_day) WHERE kind = 'open' AND removed_at IS NULL;
CREATE UNIQUE INDEX calendar_entries_one_per_weekday ON calendar_entries(weekday) WHERE kind = 'weekday' AND removed_at IS NULL;

CREATE TRIGGER calendar_entries_never_deleted BEFORE DELETE ON calendar_entries
BEGIN SELECT RAISE(ABORT, 'calendar entries are never deleted; remove one with desk calendar remove'); END;
CREATE TRIGGER calendar_entries_only_removed BEFORE UPDATE ON calendar_entries
WHEN NOT (OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL AND NEW.id = OLD.id AND NEW.kind = OLD.kind
          AND NEW.first_day IS OLD.first_day AND NEW.last_day IS OLD.last_day AND NEW.weekday IS OLD.weekday
          AND NEW.opens IS OLD.opens AND NEW.closes IS OLD.closes AND NEW.note IS OLD.note AND NEW.added_at = OLD.added_at)
BEGIN SELECT RAISE(ABORT, 'a calendar entry is only ever removed, once'); END;
