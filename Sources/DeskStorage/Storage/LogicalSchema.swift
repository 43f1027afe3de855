/// The desk's schema as every engine must build it: tables, columns with their type class and nullability,
/// primary keys, foreign keys and unique keys. Each engine's migrations (`Migrations/<engine>/`, one
/// numbering) are tested against this one declaration, so two engines cannot drift apart unseen.
///
/// Not what an engine adds of its own (SQLite's `sqlite_sequence`), nor CHECK constraints, triggers and plain
/// indexes: those are each engine's way of enforcing or speeding up this schema, and its own tests pin them.
package struct LogicalSchema: Equatable, Sendable {
    /// The class of values a column holds: what an engine's own type name (`INTEGER`, `BIGINT`, `TEXT`) means.
    package enum Kind: String, Sendable {
        case integer, real, text, blob, any
    }

    package struct Column: Equatable, Sendable {
        package let name: String
        package let kind: Kind
        /// A primary key column is never nullable, whatever an engine reports for it.
        package let nullable: Bool

        package init(_ name: String, _ kind: Kind, nullable: Bool = false) {
            (self.name, self.kind, self.nullable) = (name, kind, nullable)
        }
    }

    package struct ForeignKey: Equatable, Sendable, Comparable {
        package let columns: [String]
        package let table: String
        package let referenced: [String]

        package init(_ columns: [String], _ table: String, _ referenced: [String]) {
            (self.columns, self.table, self.referenced) = (columns, table, referenced)
        }

        package static func < (a: ForeignKey, b: ForeignKey) -> Bool {
            (a.table, a.columns.joined(separator: ",")) < (b.table, b.columns.joined(separator: ","))
        }
    }

    /// Columns whose values no two rows share; `partial` when that holds only for the rows of a condition
    /// (one live callback per caller and owner).
    package struct UniqueKey: Equatable, Sendable, Comparable {
        package let columns: [String]
        package let partial: Bool

        package init(_ columns: [String], partial: Bool = false) {
            (self.columns, self.partial) = (columns, partial)
        }

        package static func < (a: UniqueKey, b: UniqueKey) -> Bool {
            (a.columns.joined(separator: ","), a.partial ? 1 : 0) < (b.columns.joined(separator: ","), b.partial ? 1 : 0)
        }
    }

    package struct Table: Equatable, Sendable {
        package let name: String
        package let primaryKey: [String]
        /// In their declared order.
        package let columns: [Column]
        /// Sorted by referenced table, then columns.
        package let foreignKeys: [ForeignKey]
        /// Sorted by columns.
        package let unique: [UniqueKey]

        package init(_ name: String, primaryKey: [String], columns: [Column], foreignKeys: [ForeignKey] = [],
                     unique: [UniqueKey] = []) {
            self.name = name
            self.primaryKey = primaryKey
            self.columns = columns
            self.foreignKeys = foreignKeys.sorted()
            self.unique = unique.sorted()
        }
    }

    /// Sorted by name.
    package let tables: [Table]

    package init(tables: [Table]) {
        self.tables = tables.sorted { $0.name < $1.name }
    }
}

extension LogicalSchema {
    /// The schema after every migration this binary knows (`Migration.embedded`).
    package static let desk = LogicalSchema(tables: [
        Table("account_blocks", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("account_id", .integer),
            .init("phone", .text),
            .init("note", .text, nullable: true),
            .init("added_at", .text),
            .init("removed_at", .text, nullable: true),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
        ], unique: [
            .init(["account_id", "phone"], partial: true),
        ]),
        Table("account_plans", primaryKey: ["account_id"], columns: [
            .init("account_id", .integer),
            .init("monthly_fee_yen", .integer),
            .init("calls_included", .integer),
            .init("extra_call_yen", .integer),
            .init("billable", .text),
            .init("strike_cap_percent", .integer),
            .init("set_at", .text),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
        ]),
        Table("call_strikes", primaryKey: ["call_id"], columns: [
            .init("call_id", .integer),
            .init("account_id", .integer),
            .init("at", .text),
            .init("reason", .text),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
        ]),
        Table("screened_calls", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("account_id", .integer),
            .init("at", .text),
            .init("outcome", .text),
            .init("phone", .text, nullable: true),
            .init("operator_id", .integer, nullable: true),
            .init("note", .text, nullable: true),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
            .init(["operator_id"], "staff", ["id"]),
        ]),
        Table("account_lines", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("account_id", .integer),
            .init("phone", .text),
            .init("added_at", .text),
            .init("removed_at", .text, nullable: true),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
        ], unique: [
            .init(["phone"], partial: true),
        ]),
        Table("accounts", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("code", .text),
            .init("name", .text),
            .init("greeting", .text, nullable: true),
            .init("reading", .text, nullable: true),
            .init("aliases", .text),
            .init("notes", .text, nullable: true),
            .init("created_at", .text),
            .init("closed_at", .text, nullable: true),
            .init("time_zone", .text, nullable: true),
        ], unique: [
            .init(["code"]),
        ]),
        Table("calendar_entries", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("kind", .text),
            .init("first_day", .text, nullable: true),
            .init("last_day", .text, nullable: true),
            .init("weekday", .integer, nullable: true),
            .init("opens", .text, nullable: true),
            .init("closes", .text, nullable: true),
            .init("note", .text, nullable: true),
            .init("added_at", .text),
            .init("removed_at", .text, nullable: true),
            .init("account_id", .integer, nullable: true),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
        ], unique: [
            .init(["first_day"], partial: true),
            .init(["weekday"], partial: true),
            .init(["account_id", "first_day"], partial: true),
            .init(["account_id", "weekday"], partial: true),
        ]),
        Table("callbacks", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("owner_id", .integer),
            .init("caller_id", .integer),
            .init("state", .text),
            .init("urgent", .integer),
            .init("new_contact", .integer),
            .init("not_before", .text, nullable: true),
            .init("not_after", .text, nullable: true),
            .init("due_at", .text),
            .init("repeat_count", .integer),
            .init("attempts", .integer),
            .init("escalation_level", .integer),
            .init("opened_at", .text),
            .init("acknowledged_at", .text, nullable: true),
            .init("closed_at", .text, nullable: true),
            .init("closing_note", .text, nullable: true),
            .init("buyer_type", .text),
            .init("sensitive", .integer),
            .init("routed_from_id", .integer, nullable: true),
            .init("reopened_at", .text, nullable: true),
            .init("ladder_round_base", .integer),
        ], foreignKeys: [
            .init(["caller_id"], "callers", ["id"]),
            .init(["owner_id"], "staff", ["id"]),
            .init(["routed_from_id"], "staff", ["id"]),
        ], unique: [
            .init(["caller_id", "owner_id"], partial: true),
        ]),
        Table("callers", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("phone", .text),
            .init("name", .text),
            .init("company", .text, nullable: true),
            .init("created_at", .text),
            .init("account_id", .integer),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
        ], unique: [
            .init(["account_id", "phone"]),
        ]),
        Table("calls", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("at", .text),
            .init("caller_id", .integer),
            .init("for_id", .integer),
            .init("operator_id", .integer, nullable: true),
            .init("caller_name", .text),
            .init("company", .text, nullable: true),
            .init("tried_mobile", .integer),
            .init("outcome", .text),
            .init("line_id", .integer, nullable: true),
            .init("phone_call_id", .text, nullable: true),
        ], foreignKeys: [
            .init(["caller_id"], "callers", ["id"]),
            .init(["for_id"], "staff", ["id"]),
            .init(["operator_id"], "staff", ["id"]),
            .init(["line_id"], "account_lines", ["id"]),
        ]),
        Table("corrections", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("callback_id", .integer),
            .init("message_id", .integer, nullable: true),
            .init("field", .text),
            .init("before", .text, nullable: true),
            .init("after", .text),
            .init("at", .text),
            .init("actor", .text),
            .init("reason", .text, nullable: true),
        ], foreignKeys: [
            .init(["callback_id"], "callbacks", ["id"]),
            .init(["message_id"], "messages", ["id"]),
        ]),
        Table("database_purpose", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("purpose", .text),
        ]),
        Table("escalations", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("callback_id", .integer),
            .init("ladder", .text),
            .init("cycle", .integer),
            .init("step", .integer),
            .init("target_id", .integer, nullable: true),
            .init("at", .text),
            .init("reason", .text),
        ], foreignKeys: [
            .init(["callback_id"], "callbacks", ["id"]),
            .init(["target_id"], "staff", ["id"]),
        ], unique: [
            .init(["callback_id", "ladder", "cycle", "step"]),
        ]),
        Table("events", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("at", .text),
            .init("actor", .text),
            .init("subject", .text),
            .init("subject_id", .integer),
            .init("kind", .text),
            .init("before", .text, nullable: true),
            .init("after", .text, nullable: true),
            .init("reason", .text, nullable: true),
        ]),
        Table("messages", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("call_id", .integer),
            .init("callback_id", .integer),
            .init("body", .text),
            .init("urgent", .integer),
            .init("wants", .text),
            .init("not_before", .text, nullable: true),
            .init("not_after", .text, nullable: true),
            .init("new_contact", .integer),
            .init("decision", .text, nullable: true),
            .init("proceed", .text, nullable: true),
            .init("order_timing", .text, nullable: true),
            .init("other_vendors", .text, nullable: true),
            .init("sensitive", .integer),
        ], foreignKeys: [
            .init(["callback_id"], "callbacks", ["id"]),
            .init(["call_id"], "calls", ["id"]),
        ], unique: [
            .init(["call_id"]),
        ]),
        Table("notifications", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("created_at", .text),
            .init("recipient_id", .integer),
            .init("callback_id", .integer),
            .init("escalation_id", .integer, nullable: true),
            .init("kind", .text),
            .init("reason", .text),
            .init("body", .text),
            .init("attempts", .integer),
            .init("last_error", .text, nullable: true),
            .init("delivered_at", .text, nullable: true),
            .init("channel_kind", .text),
            .init("channel_address", .text, nullable: true),
            .init("channel_bot_id", .text, nullable: true),
            .init("subject", .text, nullable: true),
            .init("summary", .text, nullable: true),
            .init("message_id", .integer, nullable: true),
            .init("reply_code", .text, nullable: true),
            .init("reply_used_at", .text, nullable: true),
            .init("state", .text),
            .init("next_attempt_at", .text, nullable: true),
        ], foreignKeys: [
            .init(["callback_id"], "callbacks", ["id"]),
            .init(["escalation_id"], "escalations", ["id"]),
            .init(["message_id"], "messages", ["id"]),
            .init(["recipient_id"], "staff", ["id"]),
        ], unique: [
            .init(["reply_code"], partial: true),
        ]),
        // Issue 16 (0014): where people and accounts are told, and the messages already told again.
        Table("channels", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("staff_id", .integer, nullable: true),
            .init("account_id", .integer, nullable: true),
            .init("kind", .text),
            .init("address", .text),
            .init("bot_id", .text, nullable: true),
            .init("added_at", .text),
            .init("removed_at", .text, nullable: true),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
            .init(["staff_id"], "staff", ["id"]),
        ]),
        Table("renotifications", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("message_id", .integer),
            .init("at", .text),
        ], foreignKeys: [
            .init(["message_id"], "messages", ["id"]),
        ], unique: [
            .init(["message_id"]),
        ]),
        Table("presence", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("staff_id", .integer),
            .init("status", .text),
            .init("since", .text),
            .init("until", .text, nullable: true),
            .init("note", .text, nullable: true),
            .init("set_by", .text),
        ], foreignKeys: [
            .init(["staff_id"], "staff", ["id"]),
        ]),
        Table("schema_migrations", primaryKey: ["id"], columns: [
            .init("id", .text),
            .init("applied_at", .text),
        ]),
        Table("settings", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("account_id", .integer, nullable: true),
            .init("key", .text),
            .init("value", .text),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
        ], unique: [
            .init(["key"], partial: true),
            .init(["account_id", "key"], partial: true),
        ]),
        Table("staff", primaryKey: ["id"], columns: [
            .init("id", .integer),
            .init("handle", .text),
            .init("display_name", .text),
            .init("role", .text),
            .init("mobile", .text, nullable: true),
            .init("substitute_id", .integer, nullable: true),
            .init("escalation_id", .integer, nullable: true),
            .init("created_at", .text),
            .init("account_id", .integer, nullable: true),
        ], foreignKeys: [
            .init(["account_id"], "accounts", ["id"]),
            .init(["escalation_id"], "staff", ["id"]),
            .init(["substitute_id"], "staff", ["id"]),
        ], unique: [
            .init(["account_id", "handle"]),
            .init(["handle"], partial: true),
        ]),
        Table("submissions", primaryKey: ["request_id"], columns: [
            .init("request_id", .text),
            .init("fingerprint", .text),
            .init("call_id", .integer, nullable: true),
            .init("screened_call_id", .integer, nullable: true),
            .init("submitted_at", .text),
            .init("receipt_text", .text),
            .init("receipt_json", .text),
        ], foreignKeys: [
            .init(["call_id"], "calls", ["id"]),
            .init(["screened_call_id"], "screened_calls", ["id"]),
        ]),
    ])
}
