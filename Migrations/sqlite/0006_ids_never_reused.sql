-- Ids are never handed out twice, even after a restore (issue 12, item 11).
--
-- Every id desk prints (callbacks, calls, messages, notifications, events — and, through an
-- event's subject, staff, presence, callers and escalations) must keep naming one record. A plain
-- INTEGER PRIMARY KEY gives a new row "one more than the largest ROWID currently in use", so after
-- a restore undid rows the next ones took their ids again. AUTOINCREMENT makes SQLite choose "one
-- larger than the largest ROWID that has ever before existed in that same table", remembered in
-- sqlite_sequence, which `desk restore` raises to the replaced database's high-water mark.
--
-- Only the tables' SQL text changes, not a byte of their rows (AUTOINCREMENT changes how a new
-- rowid is chosen, not how rows are stored), so this edits sqlite_schema under writable_schema as
-- 0004 does (lang_altertable.html, "making other kinds of table schema changes"). sqlite_sequence
-- must exist first: SQLite creates it with the first AUTOINCREMENT table, and keeps it when that
-- table is dropped. Tables without a sequence row start from their highest id, as before.

CREATE TABLE ids_never_reused_seed (id INTEGER PRIMARY KEY AUTOINCREMENT);
DROP TABLE ids_never_reused_seed;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'INTEGER PRIMARY KEY,', 'INTEGER PRIMARY KEY AUTOINCREMENT,')
    WHERE type = 'table' AND name IN ('staff', 'presence', 'callers', 'callbacks', 'calls', 'messages', 'events',
                                      'escalations', 'notifications')
      AND sql NOT LIKE '%AUTOINCREMENT%';
PRAGMA writable_schema = RESET;
CREATE TABLE schema_cookie_bump (x);
DROP TABLE schema_cookie_bump;
