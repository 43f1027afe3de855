-- The same CHECK constraints, with every list of three or more values written as a chain of ORs.
--
-- SQLite 3.40 tests `x IN ('a', 'b', 'c')` by building a temporary b-tree of the values for every
-- row it checks; an event insert spent about 3 µs of its ~6 µs on it (measured with the shell's
-- library, BENCHMARKS.md), and every change writes an event. `(x = 'a' OR x = 'b' OR x = 'c')` is
-- the same constraint (NULL passes both ways; the comparisons use the column's collation either way).
--
-- Only the tables' SQL text changes, not a byte of their rows, so this uses SQLite's documented way
-- of changing a table's constraints without rebuilding it (lang_altertable.html, "making other kinds
-- of table schema changes"): edit sqlite_schema under writable_schema, inside the migration's own
-- transaction; RESET makes this connection read the new text, and the throw-away table bumps the
-- schema cookie so that every other open connection reads it too. A test checks the result against
-- a database created from scratch and runs PRAGMA integrity_check (which checks CHECK constraints).

PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'role IN (''salesperson'', ''operator'', ''manager'')',
    '(role = ''salesperson'' OR role = ''operator'' OR role = ''manager'')')
    WHERE type = 'table' AND name = 'staff';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''in_office'', ''meeting'', ''out'', ''day_off'', ''leave'')',
    '(status = ''in_office'' OR status = ''meeting'' OR status = ''out'' OR status = ''day_off'' OR status = ''leave'')')
    WHERE type = 'table' AND name = 'presence';
UPDATE sqlite_schema SET sql = replace(sql, 'state IN (''open'', ''acknowledged'', ''done'', ''cancelled'')',
    '(state = ''open'' OR state = ''acknowledged'' OR state = ''done'' OR state = ''cancelled'')')
    WHERE type = 'table' AND name = 'callbacks';
UPDATE sqlite_schema SET sql = replace(sql, 'buyer_type IN (''type1'', ''type2'', ''unknown'')',
    '(buyer_type = ''type1'' OR buyer_type = ''type2'' OR buyer_type = ''unknown'')')
    WHERE type = 'table' AND name = 'callbacks';
UPDATE sqlite_schema SET sql = replace(sql, 'outcome IN (''message_taken'', ''handed_to_substitute'',
                                                   ''solved_by_office'', ''will_call_again'')',
    '(outcome = ''message_taken'' OR outcome = ''handed_to_substitute'' OR outcome = ''solved_by_office'' OR outcome = ''will_call_again'')')
    WHERE type = 'table' AND name = 'calls';
UPDATE sqlite_schema SET sql = replace(sql, 'wants IN (''callback'', ''call_again'', ''info'', ''verify'')',
    '(wants = ''callback'' OR wants = ''call_again'' OR wants = ''info'' OR wants = ''verify'')')
    WHERE type = 'table' AND name = 'messages';
UPDATE sqlite_schema SET sql = replace(sql, 'decision IN (''self'', ''discretion'', ''proposes'')',
    '(decision = ''self'' OR decision = ''discretion'' OR decision = ''proposes'')')
    WHERE type = 'table' AND name = 'messages';
UPDATE sqlite_schema SET sql = replace(sql, 'order_timing IN (''within_3_months'', ''within_6_months'', ''later'')',
    '(order_timing = ''within_3_months'' OR order_timing = ''within_6_months'' OR order_timing = ''later'')')
    WHERE type = 'table' AND name = 'messages';
UPDATE sqlite_schema SET sql = replace(sql, 'other_vendors IN (''many'', ''some'', ''none'')',
    '(other_vendors = ''many'' OR other_vendors = ''some'' OR other_vendors = ''none'')')
    WHERE type = 'table' AND name = 'messages';
UPDATE sqlite_schema SET sql = replace(sql, 'subject IN (''staff'', ''presence'', ''caller'', ''call'', ''callback'', ''setting'')',
    '(subject = ''staff'' OR subject = ''presence'' OR subject = ''caller'' OR subject = ''call'' OR subject = ''callback'' OR subject = ''setting'')')
    WHERE type = 'table' AND name = 'events';
UPDATE sqlite_schema SET sql = replace(sql, 'ladder IN (''urgent'', ''overdue'', ''manual'')',
    '(ladder = ''urgent'' OR ladder = ''overdue'' OR ladder = ''manual'')')
    WHERE type = 'table' AND name = 'escalations';
PRAGMA writable_schema = RESET;
CREATE TABLE schema_cookie_bump (x);
DROP TABLE schema_cookie_bump;
