-- What this database is for: the office's real desk, or a simulation that `desk simulate` made.
--
-- A simulation writes staff, callbacks, escalations and notifications like any desk; run into a real
-- desk, its sweep escalated real callbacks and queued notifications to real people. So the purpose is
-- recorded in the database itself, once: every database migrates as a real desk (those that exist, and
-- those `desk init` creates), and `desk simulate` marks its own, new database as a simulation before it
-- writes anything. `desk simulate` refuses every database that is not marked as a simulation.
--
-- One row. A desk becomes a simulation only while its log is empty (that is, at its creation: every
-- change writes an event), a simulation never becomes a desk, and the row is never deleted.

CREATE TABLE database_purpose (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    purpose TEXT NOT NULL CHECK (purpose = 'desk' OR purpose = 'simulation')
) STRICT;
INSERT INTO database_purpose (id, purpose) VALUES (1, 'desk');

CREATE TRIGGER database_purpose_set_once BEFORE UPDATE ON database_purpose
WHEN NOT (OLD.purpose = 'desk' AND NEW.purpose = 'simulation' AND NEW.id = 1 AND NOT EXISTS (SELECT 1 FROM events))
BEGIN SELECT RAISE(ABORT, 'a database becomes a simulation only when it is created, and stays one'); END;
CREATE TRIGGER database_purpose_never_deleted BEFORE DELETE ON database_purpose
BEGIN SELECT RAISE(ABORT, 'the purpose of a database is never deleted'); END;
