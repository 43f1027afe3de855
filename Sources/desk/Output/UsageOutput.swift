import Foundation
import MessageDesk

/// The forms of a month's usage: the text an account manager reads, JSON and CSV for one account, and the
/// invoicing CSV with one row per account.
struct UsageOutput {
    let times: TimeDisplay

    private var calendar: BusinessCalendar { times.calendar }

    /// ¥30,000.
    static func yen(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (amount < 0 ? "-¥" : "¥") + grouped
    }

    func planLine(_ plan: Plan?) -> String {
        guard let plan else { return "plan: none (nothing is charged; set one with desk account plan)" }
        let billable = plan.billableInOrder.map(\.argument).joined(separator: ", ")
        return "plan: \(Self.yen(plan.monthlyFeeYen)) a month, \(plan.callsIncluded) calls included, "
            + "\(Self.yen(plan.extraCallYen)) per extra call; billable: \(billable.isEmpty ? "none" : billable); "
            + "strikes up to \(plan.strikeCapPercent)% (\(plan.strikeCap))"
    }

    private func moment(_ date: Date) -> String { "\(calendar.dayString(date)) \(calendar.timeString(date))" }

    private func state(_ usage: MonthlyUsage) -> String {
        usage.isClosed ? "closed" : "so far, as of \(moment(usage.asOf))"
    }

    func text(_ usage: MonthlyUsage) -> String {
        var lines = ["\(usage.account) (\(usage.accountName)): usage of \(usage.month), \(state(usage))", planLine(usage.plan), ""]
        lines.append("category      calls  billed  calls")
        for category in CallCategory.allCases {
            let calls = usage.calls(category)
            let behind = calls.map { call in
                "#\(call.id) \(moment(call.at))" + (call.struckFrom.map { " (struck, was \($0.argument))" } ?? "")
            }.joined(separator: ", ")
            lines.append(category.argument.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: max(1, 7 - String(usage.count(category)).count)) + "\(usage.count(category))  "
                + (usage.billable.contains(category) ? "yes   " : "no    ") + (behind.isEmpty ? "" : "  " + behind))
        }
        lines.append("")
        lines.append("billable \(usage.billableCount), not billable \(usage.nonBillableCount), struck \(usage.strikes)")
        if let plan = usage.plan {
            lines.append("included \(plan.callsIncluded), overage \(usage.overage) × \(Self.yen(plan.extraCallYen)) = \(Self.yen(usage.overageYen))")
            lines.append("amount \(Self.yen(usage.amountYen)) (fee \(Self.yen(plan.monthlyFeeYen)) + overage \(Self.yen(usage.overageYen)))")
        }
        return lines.map { TerminalText.sanitized(String($0.reversed().drop(while: { $0 == " " }).reversed())) + "\n" }.joined()
    }

    func json(_ usage: MonthlyUsage, withCalls: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("account", .string(usage.account)), ("name", .string(usage.accountName)), ("month", .string(usage.month.description)),
            ("closed", .bool(usage.isClosed)), ("as_of", .string(times.iso(usage.asOf))),
            ("plan", usage.plan.map { plan in .object([
                ("fee_yen", .int(plan.monthlyFeeYen)), ("calls_included", .int(plan.callsIncluded)),
                ("extra_call_yen", .int(plan.extraCallYen)), ("billable", .array(plan.billableInOrder.map { .string($0.rawValue) })),
                ("strike_cap_percent", .int(plan.strikeCapPercent)), ("strike_cap", .int(plan.strikeCap)),
            ]) } ?? .null),
            ("categories", .array(CallCategory.allCases.map { category in
                var entry: [(String, JSONValue)] = [
                    ("category", .string(category.rawValue)), ("billable", .bool(usage.billable.contains(category))),
                    ("count", .int(usage.count(category))),
                ]
                if withCalls {
                    entry.append(("calls", .array(usage.calls(category).map { call in .object([
                        ("id", .int(call.id)), ("at", .string(times.iso(call.at))),
                        ("struck_from", call.struckFrom.map { .string($0.rawValue) } ?? .null),
                    ]) })))
                }
                return .object(entry)
            })),
            ("billable", .int(usage.billableCount)), ("not_billable", .int(usage.nonBillableCount)),
            ("strikes", .int(usage.strikes)), ("overage", .int(usage.overage)), ("overage_yen", .int(usage.overageYen)),
            ("amount_yen", .int(usage.amountYen)),
        ]
        if usage.plan == nil { fields.removeAll { $0.0 == "overage_yen" || $0.0 == "amount_yen" } }
        return .object(fields)
    }

    static let callsHeader = ["call_id", "at", "category", "recorded_as", "billable"]

    func callRows(_ usage: MonthlyUsage) -> [[String]] {
        usage.calls.map { call in
            [String(call.id), times.iso(call.at), call.category.rawValue, (call.struckFrom ?? call.category).rawValue,
             usage.billable.contains(call.category) ? "yes" : "no"]
        }
    }

    /// The invoicing CSV's columns: one row per account.
    static let invoiceHeader = ["month", "account", "name", "closed"] + CallCategory.allCases.map(\.rawValue)
        + ["billable", "not_billable", "strikes", "fee_yen", "calls_included", "overage", "extra_call_yen", "overage_yen", "amount_yen"]

    func invoiceRow(_ usage: MonthlyUsage) -> [String] {
        let plan = usage.plan
        return [usage.month.description, usage.account, usage.accountName, usage.isClosed ? "yes" : "no"]
            + CallCategory.allCases.map { String(usage.count($0)) }
            + [String(usage.billableCount), String(usage.nonBillableCount), String(usage.strikes),
               plan.map { String($0.monthlyFeeYen) } ?? "", plan.map { String($0.callsIncluded) } ?? "",
               plan.map { _ in String(usage.overage) } ?? "", plan.map { String($0.extraCallYen) } ?? "",
               plan.map { _ in String(usage.overageYen) } ?? "", plan.map { _ in String(usage.amountYen) } ?? ""]
    }

    /// One line per account: what an invoice run checks at a glance.
    func invoiceText(_ usages: [MonthlyUsage], month: LocalMonth, closed: Bool) -> String {
        var lines = ["usage of \(month)\(closed ? ", closed" : ", so far")", ""]
        lines.append("account              billable  not billable  overage  amount")
        for usage in usages {
            lines.append(usage.account.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(usage.billableCount).leftPadded(9) + String(usage.nonBillableCount).leftPadded(14)
                + (usage.plan == nil ? "-" : String(usage.overage)).leftPadded(9)
                + "  " + (usage.plan == nil ? "no plan" : Self.yen(usage.amountYen)))
        }
        return lines.map { TerminalText.sanitized(String($0.reversed().drop(while: { $0 == " " }).reversed())) + "\n" }.joined()
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
