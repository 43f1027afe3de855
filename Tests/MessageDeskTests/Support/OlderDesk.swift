import DeskStorage

/// Rows as an earlier MessageDesk stored them. This build's store writes only the current schema (staff and
/// callers of an account since 0009), so a desk of an earlier schema is filled with the SQL its release ran.
enum OlderDesk {
    /// A morning at 0003 (every table that exists there): tanaka (substitute suzuki, escalation contact boss),
    /// suzuki, boss (manager) and sato (operator); one callback done, one urgent and escalated by hand to boss
    /// with its notification; tanaka in a meeting.
    static let morningAt0003 = """
        INSERT INTO staff (id, handle, display_name, role, mobile, substitute_id, escalation_id, created_at) VALUES
            (1, 'boss', '部長', 'manager', NULL, NULL, NULL, '2026-11-20T01:15:00Z'),
            (2, 'suzuki', '鈴木', 'salesperson', NULL, NULL, NULL, '2026-11-20T01:15:00Z'),
            (3, 'tanaka', '田中', 'salesperson', '+819011112222', 2, 1, '2026-11-20T01:15:00Z'),
            (4, 'sato', '佐藤', 'operator', NULL, NULL, NULL, '2026-11-20T01:15:00Z');
        INSERT INTO presence (id, staff_id, status, since, until, note, set_by) VALUES
            (1, 3, 'meeting', '2026-11-20T01:15:00Z', NULL, '会議', 'tanaka');
        INSERT INTO callers (id, phone, name, company, created_at) VALUES
            (1, '+81312345678', '山田太郎', 'ＡＢＣ商事', '2026-11-20T01:15:00Z'),
            (2, '+81399990000', '山田太郎', 'ＡＢＣ商事', '2026-11-20T01:15:00Z');
        INSERT INTO callbacks (id, owner_id, caller_id, state, urgent, new_contact, due_at, escalation_level, opened_at,
                               closed_at, buyer_type) VALUES
            (1, 3, 1, 'done', 0, 0, '2026-11-20T09:00:00Z', 0, '2026-11-20T01:15:00Z', '2026-11-20T01:15:00Z', 'unknown'),
            (2, 1, 2, 'open', 1, 0, '2026-11-20T01:45:00Z', 1, '2026-11-20T01:15:00Z', NULL, 'unknown');
        INSERT INTO calls (id, at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome) VALUES
            (1, '2026-11-20T01:15:00Z', 1, 3, 4, '山田太郎', 'ＡＢＣ商事', 0, 'message_taken'),
            (2, '2026-11-20T01:15:00Z', 2, 3, 4, '山田太郎', 'ＡＢＣ商事', 0, 'message_taken');
        INSERT INTO messages (id, call_id, callback_id, body, urgent, wants, new_contact) VALUES
            (1, 1, 1, '見積の件で折り返しください', 0, 'callback', 0),
            (2, 2, 2, '見積の件で折り返しください', 1, 'callback', 0);
        INSERT INTO settings (key, value) VALUES ('priority.urgent', '10');
        INSERT INTO escalations (id, callback_id, ladder, cycle, step, target_id, at, reason) VALUES
            (1, 2, 'manual', 0, 0, 1, '2026-11-20T01:15:00Z', 'no answer');
        INSERT INTO notifications (id, created_at, recipient_id, callback_id, escalation_id, kind, reason, body) VALUES
            (1, '2026-11-20T01:15:00Z', 1, 2, 1, 'escalation', 'escalated by sato: no answer', '[MessageDesk] URGENT #2');
        INSERT INTO events (id, at, actor, subject, subject_id, kind, before, after, reason) VALUES
            (1, '2026-11-20T01:15:00Z', 'test', 'staff', 1, 'staff.added', NULL, '{"handle":"boss"}', NULL),
            (2, '2026-11-20T01:15:00Z', 'sato', 'call', 1, 'call.taken', NULL, '{"for":"tanaka"}', NULL),
            (3, '2026-11-20T01:15:00Z', 'sato', 'callback', 1, 'callback.opened', NULL, '{"owner":"tanaka"}', 'call 1'),
            (4, '2026-11-20T01:15:00Z', 'tanaka', 'callback', 1, 'callback.done', NULL, '{"state":"done"}', NULL),
            (5, '2026-11-20T01:15:00Z', 'sato', 'callback', 2, 'callback.escalated', NULL, '{"owner":"boss"}', 'no answer');
        """

    /// Writes `morningAt0003` into `database` in one transaction.
    static func fillMorningAt0003(_ database: Database) throws {
        try database.write { try database.execute(morningAt0003) }
    }
}
