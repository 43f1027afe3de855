import Foundation
import Testing
@testable import MessageDesk

/// The event log is append-only: the text it stores for each kind of event is a format that old desks keep
/// forever. One day of work drives every kind of event through the public store, and the stored rows are
/// pinned byte for byte, so a change to how fields are named, ordered or rendered shows here.
@Suite struct EventLogFormTests {
    /// The rows of `sql` as stored, one line each, columns separated by ` | ` (NULL as `-`).
    func stored(_ desk: DeskStore, _ sql: String, columns: Int32) throws -> String {
        try desk.database.statement(sql).map { row in
            (0..<columns).map { row.optionalString($0) ?? "-" }.joined(separator: " | ")
        }.joined(separator: "\n")
    }

    /// Every event as stored: id, time, actor, subject, subject id, kind, before, after and reason.
    func storedEvents(_ desk: DeskStore) throws -> String {
        try stored(desk, "SELECT id, at, actor, subject, subject_id, kind, before, after, reason FROM events ORDER BY id",
                   columns: 9)
    }

    /// Every fired escalation step as stored: the ladder's name is kept in the row.
    func storedEscalations(_ desk: DeskStore) throws -> String {
        try stored(desk, "SELECT callback_id, ladder, cycle, step, target_id, at, reason FROM escalations ORDER BY id",
                   columns: 7)
    }

    @Test func everyKindOfEventIsStoredInItsPinnedForm() throws {
        let friday = at("2026-11-20T10:00:00+09:00")
        func time(_ clock: String) -> Date { at("2026-11-20T\(clock):00+09:00") }
        let desk = try makeDesk(now: friday)   // staff.added ×4
        try desk.updateStaff("tanaka", mobile: phone("090-1111-2222"), actor: "boss", at: time("10:01"))
        try desk.setPresence("suzuki", status: .meeting, until: time("10:30"), note: "定例", actor: "suzuki", at: time("10:02"))

        // A: urgent, a type ① buyer, sensitive, with a window; then the caller calls again from another company.
        var first = message(urgent: true, notBefore: time("10:05"), notAfter: time("12:00"))
        first.buyer = BuyerAttributes(decision: .alone, proceed: .messages, orderTiming: .within3Months, otherVendors: .threeOrMore)
        first.sensitive = true
        first.triedMobile = true
        let a = try desk.takeMessage(first, actor: "sato", at: time("10:03")).callback.id
        var again = message(body: "まだですか")
        again.company = "ＸＹＺ物産"
        _ = try desk.takeMessage(again, actor: "sato", at: time("10:04"))

        // The urgent ladder: the owner told at once with the message (its first step), the substitute ten minutes on.
        _ = try desk.sweep(actor: "sweep", at: time("10:15"))
        let pending = try desk.notifications(.undelivered)
        try #require(pending.map(\.kind) == [.message, .message, .escalation])
        try desk.markSending(pending[0], actor: "notify", at: time("10:16"))
        try desk.markDelivered(pending[0], actor: "notify", at: time("10:16"))
        try desk.markFailed(pending[2], error: "gateway exited with 75", permanent: false, actor: "notify", at: time("10:16"))

        try desk.acknowledge(a, actor: "suzuki", at: time("10:20"))
        try desk.recordAttempt(a, note: "留守電", actor: "suzuki", at: time("10:21"))
        try desk.escalate(a, to: "boss", reason: "大口", actor: "sato", at: time("10:22"))
        try desk.reassign(a, to: "tanaka", reason: nil, actor: "boss", at: time("10:23"))
        try desk.complete(a, note: "見積送付済み", actor: "tanaka", at: time("10:24"))

        // B: tanaka away past the due time, so routed to suzuki; handed back, then cancelled.
        try desk.setPresence("tanaka", status: .dayOff, until: at("2026-11-24T09:00:00+09:00"), actor: "boss", at: time("10:30"))
        let b = try desk.takeMessage(message(phone: "06-9876-5432"), actor: "sato", at: time("10:31")).callback.id
        try desk.reassignBack(b, reason: nil, actor: "boss", at: time("10:32"))
        try desk.cancel(b, reason: "重複", actor: "boss", at: time("10:33"))

        // C: a plain callback, due at the end of Friday, reached by the overdue ladder on Tuesday (Monday is 勤労感謝の日).
        try desk.setPresence("tanaka", status: .inOffice, actor: "tanaka", at: time("10:40"))
        _ = try desk.takeMessage(NewMessage(forHandle: "tanaka", callerName: "佐々木", phone: phone("045-111-2222"),
                                        body: "資料の件", newContact: true), actor: "sato", at: time("10:41"))
        _ = try desk.sweep(actor: "sweep", at: at("2026-11-24T10:00:00+09:00"))

        try desk.set(.priorityUrgent, to: "10", actor: "boss", at: at("2026-11-24T10:05:00+09:00"))
        try desk.set(.priorityUrgent, to: "12.5", actor: "boss", at: at("2026-11-24T10:06:00+09:00"))
        let closure = try desk.close(try ClosedSpan(parsing: "2026-12-24..2026-12-25"), note: "棚卸",
                                     actor: "boss", at: at("2026-11-24T10:07:00+09:00"))
        _ = try desk.removeCalendarEntry(closure.id, actor: "boss", at: at("2026-11-24T10:08:00+09:00"))

        // A client company: added with a line, changed, a line added and one removed, then closed.
        func tuesday(_ clock: String) -> Date { at("2026-11-24T\(clock):00+09:00") }
        try desk.addAccount(NewAccount(code: "acme", name: "株式会社アクメ", greeting: "はい、アクメでございます",
                                       reading: "かぶしきがいしゃあくめ", aliases: ["アクメ"], notes: "営業電話はお断り",
                                       lines: [phone("03-5000-0001")]), actor: "boss", at: tuesday("10:10"))
        try desk.updateAccount("acme", AccountChange(greeting: "お電話ありがとうございます、アクメです", aliases: ["アクメ", "ACME"]),
                               actor: "boss", at: tuesday("10:11"))
        // Its own settings: an event of an account names it first.
        let acme = SettingScope.account(try desk.account(code: "acme"))
        try desk.set(.urgentDueMinutes, to: "45", for: acme, actor: "boss", at: tuesday("10:11"))
        _ = try desk.open(try OpenedDate(parsing: "2026-11-28"), hours: nil, for: acme, actor: "boss", at: tuesday("10:11"))
        try desk.addLine(phone("03-5000-0002"), to: "acme", actor: "boss", at: tuesday("10:12"))
        try desk.removeLine(phone("03-5000-0001"), from: "acme", actor: "boss", at: tuesday("10:13"))
        try desk.closeAccount("acme", actor: "boss", at: tuesday("10:14"))

        // A call that came in on a line of the desk's own account, with the phone system's id for it.
        try desk.addLine(phone("03-6000-0001"), to: "default", actor: "boss", at: tuesday("10:15"))
        _ = try desk.takeMessage(NewMessage(forHandle: "tanaka", callerName: "高橋", phone: phone("03-2222-3333"), body: "納期の件",
                                            line: phone("03-6000-0001"), phoneCallID: "1700000000.42"),
                                 actor: "sato", at: tuesday("10:16"))
        // Usage: a plan, a number blocked (its call recorded as blocked) and unblocked, a sales call declined, struck.
        try desk.setPlan(Plan(monthlyFeeYen: 30_000, callsIncluded: 50, extraCallYen: 400, billable: [.message, .sales],
                              strikeCapPercent: 10), for: "default", actor: "boss", at: tuesday("10:20"))
        try desk.block(phone("03-6666-0000"), for: "default", note: "しつこい営業", actor: "boss", at: tuesday("10:21"))
        _ = try desk.recordIfBlocked(phone("03-6666-0000"), operatorHandle: "sato", actor: "sato", at: tuesday("10:22"))
        try desk.unblock(phone("03-6666-0000"), for: "default", actor: "boss", at: tuesday("10:23"))
        let sales = try desk.recordScreenedCall(NewScreenedCall(outcome: .sales, phone: phone("03-7777-0000"), operatorHandle: "sato"),
                                                actor: "sato", at: tuesday("10:24"))
        _ = try desk.strike(call: sales.id, reason: "自動音声の営業", actor: "boss", at: tuesday("10:25"))
        // Channels (issue 16): a person's and an account's group channel, each added and removed.
        let mail = try desk.addChannel(.mail, ["tanaka@example.jp"], to: .staff("tanaka"), actor: "boss", at: tuesday("10:26"))
        try desk.removeChannel(mail.id, of: .staff("tanaka"), actor: "boss", at: tuesday("10:27"))
        let group = try desk.addChannel(.slack, ["https://hooks.slack.com/services/T/B/X"], to: .account("default"),
                                        actor: "boss", at: tuesday("10:28"))
        try desk.removeChannel(group.id, of: .account("default"), actor: "boss", at: tuesday("10:29"))
        // The messages nobody acknowledged are told again; one is then acknowledged through its notification's code.
        _ = try desk.renotify(actor: "sweep", at: tuesday("10:50"))
        let told = try #require(try desk.notifications(.undelivered).last { $0.callbackID == 4 && $0.kind == .message }?.replyCode)
        _ = try desk.act(.acknowledge, replyCode: told, actor: "tanaka", at: tuesday("10:55"))
        // Mistakes undone (issue 17): B, cancelled by mistake, is reopened; A's caller and message are corrected.
        _ = try desk.reopen(b, reason: "誤って取消", actor: "boss", at: tuesday("11:00"))
        try desk.correct(a, [.caller("山本太郎"), .phone(phone("03-1234-5679"))], reason: "聞き間違い", actor: "sato", at: tuesday("11:01"))
        try desk.correct(a, [.messageNote("見積は来週火曜まで")], reason: nil, actor: "sato", at: tuesday("11:02"))

        // Every kind of event, every callback field and every ladder appears above: one added later fails here
        // until this test drives it and pins its form.
        let events = try desk.allEvents()
        #expect(Set(events.map(\.kind)) == Set(EventKind.allCases.map(\.rawValue)))
        let named = events.filter { $0.subject == .callback }.flatMap { event in
            [event.before, event.after].flatMap { fields -> [String] in
                guard case .object(let pairs)? = fields else { return [] }
                return pairs.map(\.0)
            }
        }
        #expect(Set(CallbackField.allCases.map(\.rawValue)).subtracting(named).isEmpty)
        // And every field a call.taken records, the optional ones included.
        let callFields = Set(events.filter { $0.kind == EventKind.callTaken.rawValue }.flatMap { event -> [String] in
            guard case .object(let pairs)? = event.after else { return [] }
            return pairs.map(\.0)
        })
        #expect(callFields == ["for", "caller_id", "message_id", "callback_id", "tried_mobile", "line", "call_id"])
        let ladders = try desk.database.statement("SELECT DISTINCT ladder FROM escalations").map { try $0.string(0) }
        #expect(Set(ladders) == Set(LadderName.allCases.map(\.rawValue)))
        #expect(try storedEvents(desk) == """
            1 | 2026-11-20T01:00:00Z | test | staff | 1 | staff.added | - | {"handle":"boss","display_name":"部長","role":"manager","mobile":null,"substitute":null,"escalation_contact":null} | -
            2 | 2026-11-20T01:00:00Z | test | staff | 2 | staff.added | - | {"handle":"suzuki","display_name":"鈴木花子","role":"salesperson","mobile":null,"substitute":null,"escalation_contact":null} | -
            3 | 2026-11-20T01:00:00Z | test | staff | 3 | staff.added | - | {"handle":"tanaka","display_name":"田中一郎","role":"salesperson","mobile":null,"substitute":"suzuki","escalation_contact":"boss"} | -
            4 | 2026-11-20T01:00:00Z | test | staff | 4 | staff.added | - | {"handle":"sato","display_name":"佐藤","role":"operator","mobile":null,"substitute":null,"escalation_contact":null} | -
            5 | 2026-11-20T01:01:00Z | boss | staff | 3 | staff.changed | {"handle":"tanaka","display_name":"田中一郎","role":"salesperson","mobile":null,"substitute":"suzuki","escalation_contact":"boss"} | {"handle":"tanaka","display_name":"田中一郎","role":"salesperson","mobile":"+819011112222","substitute":"suzuki","escalation_contact":"boss"} | -
            6 | 2026-11-20T01:02:00Z | suzuki | presence | 2 | presence.changed | {"status":"in_office","since":"2026-11-20T01:00:00Z","until":null,"note":null} | {"status":"meeting","since":"2026-11-20T01:02:00Z","until":"2026-11-20T01:30:00Z","note":"定例"} | -
            7 | 2026-11-20T01:03:00Z | sato | caller | 1 | caller.added | - | {"name":"山田太郎","company":"ＡＢＣ商事","phone":"+81312345678"} | -
            8 | 2026-11-20T01:03:00Z | sato | call | 1 | call.taken | - | {"for":"tanaka","caller_id":1,"message_id":1,"callback_id":1,"tried_mobile":true} | -
            9 | 2026-11-20T01:03:00Z | sato | callback | 1 | callback.opened | - | {"owner":"tanaka","state":"open","urgent":true,"new_contact":false,"not_before":"2026-11-20T01:05:00Z","not_after":"2026-11-20T03:00:00Z","due_at":"2026-11-20T03:00:00Z","repeat_count":0,"buyer_type":"type1","sensitive":true} | call 1
            10 | 2026-11-20T01:04:00Z | sato | caller | 1 | caller.changed | {"name":"山田太郎","company":"ＡＢＣ商事"} | {"name":"山田太郎","company":"ＸＹＺ物産"} | -
            11 | 2026-11-20T01:04:00Z | sato | call | 2 | call.taken | - | {"for":"tanaka","caller_id":1,"message_id":2,"callback_id":1,"tried_mobile":false} | -
            12 | 2026-11-20T01:04:00Z | sato | callback | 1 | callback.joined | {"urgent":true,"new_contact":false,"not_before":"2026-11-20T01:05:00Z","not_after":"2026-11-20T03:00:00Z","due_at":"2026-11-20T03:00:00Z","repeat_count":0,"buyer_type":"type1","sensitive":true} | {"urgent":true,"new_contact":false,"not_before":"2026-11-20T01:05:00Z","not_after":"2026-11-20T03:00:00Z","due_at":"2026-11-20T03:00:00Z","repeat_count":1,"buyer_type":"type1","sensitive":true} | repeat call 1 (call 2)
            13 | 2026-11-20T01:15:00Z | sweep | callback | 1 | callback.escalated | {"escalation_level":0} | {"escalation_level":1,"notified":"suzuki"} | urgent and unacknowledged for 12m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute
            14 | 2026-11-20T01:16:00Z | notify | callback | 1 | notification.sending | {"delivery":"pending"} | {"notification_id":1,"to":"tanaka","delivery":"sending"} | -
            15 | 2026-11-20T01:16:00Z | notify | callback | 1 | notification.delivered | {"delivery":"sending"} | {"notification_id":1,"to":"tanaka","delivery":"delivered"} | -
            16 | 2026-11-20T01:16:00Z | notify | callback | 1 | notification.failed | {"delivery":"pending"} | {"notification_id":3,"to":"suzuki","delivery":"failed-temporary","next_attempt_at":"2026-11-20T01:17:00Z"} | gateway exited with 75
            17 | 2026-11-20T01:20:00Z | suzuki | callback | 1 | callback.acknowledged | {"state":"open","acknowledged_at":null} | {"state":"acknowledged","acknowledged_at":"2026-11-20T01:20:00Z"} | -
            18 | 2026-11-20T01:21:00Z | suzuki | callback | 1 | callback.attempted | {"attempts":0} | {"attempts":1} | 留守電
            19 | 2026-11-20T01:22:00Z | sato | callback | 1 | callback.escalated | {"owner":"tanaka","state":"acknowledged","escalation_level":1,"acknowledged_at":"2026-11-20T01:20:00Z"} | {"owner":"boss","state":"open","escalation_level":2,"acknowledged_at":null} | 大口
            20 | 2026-11-20T01:23:00Z | boss | callback | 1 | callback.reassigned | {"owner":"boss"} | {"owner":"tanaka"} | -
            21 | 2026-11-20T01:24:00Z | tanaka | callback | 1 | callback.done | {"state":"open","closed_at":null,"closing_note":null} | {"state":"done","closed_at":"2026-11-20T01:24:00Z","closing_note":"見積送付済み"} | -
            22 | 2026-11-20T01:30:00Z | boss | presence | 3 | presence.changed | {"status":"in_office","since":"2026-11-20T01:00:00Z","until":null,"note":null} | {"status":"day_off","since":"2026-11-20T01:30:00Z","until":"2026-11-24T00:00:00Z","note":null} | -
            23 | 2026-11-20T01:31:00Z | sato | caller | 2 | caller.added | - | {"name":"山田太郎","company":"ＡＢＣ商事","phone":"+81698765432"} | -
            24 | 2026-11-20T01:31:00Z | sato | call | 3 | call.taken | - | {"for":"tanaka","caller_id":2,"message_id":3,"callback_id":2,"tried_mobile":false} | -
            25 | 2026-11-20T01:31:00Z | sato | callback | 2 | callback.opened | - | {"owner":"tanaka","state":"open","urgent":false,"new_contact":false,"not_before":null,"not_after":null,"due_at":"2026-11-20T09:00:00Z","repeat_count":0} | call 3
            26 | 2026-11-20T01:31:00Z | sato | callback | 2 | callback.routed | {"owner":"tanaka","routed_from":null} | {"owner":"suzuki","routed_from":"tanaka"} | tanaka is away (day_off) until 2026-11-24 09:00, past the due time; to the substitute
            27 | 2026-11-20T01:32:00Z | boss | callback | 2 | callback.reassigned | {"owner":"suzuki","routed_from":"tanaka"} | {"owner":"tanaka","routed_from":null} | back to the owner it was routed from
            28 | 2026-11-20T01:33:00Z | boss | callback | 2 | callback.cancelled | {"state":"open","closed_at":null,"closing_note":null} | {"state":"cancelled","closed_at":"2026-11-20T01:33:00Z","closing_note":"重複"} | 重複
            29 | 2026-11-20T01:40:00Z | tanaka | presence | 3 | presence.changed | {"status":"day_off","since":"2026-11-20T01:30:00Z","until":"2026-11-24T00:00:00Z","note":null} | {"status":"in_office","since":"2026-11-20T01:40:00Z","until":null,"note":null} | -
            30 | 2026-11-20T01:41:00Z | sato | caller | 3 | caller.added | - | {"name":"佐々木","company":null,"phone":"+81451112222"} | -
            31 | 2026-11-20T01:41:00Z | sato | call | 4 | call.taken | - | {"for":"tanaka","caller_id":3,"message_id":4,"callback_id":3,"tried_mobile":false} | -
            32 | 2026-11-20T01:41:00Z | sato | callback | 3 | callback.opened | - | {"owner":"tanaka","state":"open","urgent":false,"new_contact":true,"not_before":null,"not_after":null,"due_at":"2026-11-20T09:00:00Z","repeat_count":0} | call 4
            33 | 2026-11-24T01:00:00Z | sweep | callback | 3 | callback.reminded | - | {"notified":"tanaka"} | overdue by 1h of business time (step 1 of 2, round 1 of 3)
            34 | 2026-11-24T01:00:00Z | sweep | callback | 3 | callback.escalated | {"escalation_level":0} | {"escalation_level":1,"notified":"boss"} | overdue by 1h of business time (step 2 of 2, round 1 of 3); boss is tanaka's escalation contact
            35 | 2026-11-24T01:05:00Z | boss | setting | 0 | setting.changed | {"key":"priority.urgent","value":null} | {"key":"priority.urgent","value":"10"} | -
            36 | 2026-11-24T01:06:00Z | boss | setting | 0 | setting.changed | {"key":"priority.urgent","value":"10"} | {"key":"priority.urgent","value":"12.5"} | -
            37 | 2026-11-24T01:07:00Z | boss | setting | 1 | calendar.added | - | {"kind":"closed","days":"2026-12-24..2026-12-25","hours":null,"note":"棚卸"} | -
            38 | 2026-11-24T01:08:00Z | boss | setting | 1 | calendar.removed | {"kind":"closed","days":"2026-12-24..2026-12-25","hours":null,"note":"棚卸"} | - | -
            39 | 2026-11-24T01:10:00Z | boss | setting | 2 | account.added | - | {"code":"acme","name":"株式会社アクメ","greeting":"はい、アクメでございます","reading":"かぶしきがいしゃあくめ","aliases":["アクメ"],"notes":"営業電話はお断り"} | -
            40 | 2026-11-24T01:10:00Z | boss | setting | 2 | account.line_added | - | {"line":"+81350000001"} | -
            41 | 2026-11-24T01:11:00Z | boss | setting | 2 | account.changed | {"code":"acme","name":"株式会社アクメ","greeting":"はい、アクメでございます","reading":"かぶしきがいしゃあくめ","aliases":["アクメ"],"notes":"営業電話はお断り"} | {"code":"acme","name":"株式会社アクメ","greeting":"お電話ありがとうございます、アクメです","reading":"かぶしきがいしゃあくめ","aliases":["アクメ","ACME"],"notes":"営業電話はお断り"} | -
            42 | 2026-11-24T01:11:00Z | boss | setting | 2 | setting.changed | {"account":"acme","key":"urgent_due_minutes","value":null} | {"account":"acme","key":"urgent_due_minutes","value":"45"} | -
            43 | 2026-11-24T01:11:00Z | boss | setting | 2 | calendar.added | - | {"account":"acme","kind":"open","days":"2026-11-28","hours":null,"note":null} | -
            44 | 2026-11-24T01:12:00Z | boss | setting | 2 | account.line_added | - | {"line":"+81350000002"} | -
            45 | 2026-11-24T01:13:00Z | boss | setting | 2 | account.line_removed | {"line":"+81350000001"} | - | -
            46 | 2026-11-24T01:14:00Z | boss | setting | 2 | account.line_removed | {"line":"+81350000002"} | - | the account was closed
            47 | 2026-11-24T01:14:00Z | boss | setting | 2 | account.closed | {"closed_at":null} | {"closed_at":"2026-11-24T01:14:00Z"} | -
            48 | 2026-11-24T01:15:00Z | boss | setting | 1 | account.line_added | - | {"line":"+81360000001"} | -
            49 | 2026-11-24T01:16:00Z | sato | caller | 4 | caller.added | - | {"name":"高橋","company":null,"phone":"+81322223333"} | -
            50 | 2026-11-24T01:16:00Z | sato | call | 5 | call.taken | - | {"for":"tanaka","caller_id":4,"message_id":5,"callback_id":4,"tried_mobile":false,"line":"+81360000001","call_id":"1700000000.42"} | -
            51 | 2026-11-24T01:16:00Z | sato | callback | 4 | callback.opened | - | {"owner":"tanaka","state":"open","urgent":false,"new_contact":false,"not_before":null,"not_after":null,"due_at":"2026-11-24T09:00:00Z","repeat_count":0} | call 5
            52 | 2026-11-24T01:20:00Z | boss | setting | 1 | account.plan_set | - | {"fee_yen":30000,"calls_included":50,"extra_call_yen":400,"billable":["message","sales"],"strike_cap_percent":10} | -
            53 | 2026-11-24T01:21:00Z | boss | setting | 1 | account.blocked | - | {"account":"default","phone":"+81366660000","note":"しつこい営業"} | -
            54 | 2026-11-24T01:22:00Z | sato | call | 6 | call.screened | - | {"account":"default","outcome":"blocked","phone":"+81366660000"} | -
            55 | 2026-11-24T01:23:00Z | boss | setting | 1 | account.unblocked | {"account":"default","phone":"+81366660000"} | - | -
            56 | 2026-11-24T01:24:00Z | sato | call | 7 | call.screened | - | {"account":"default","outcome":"sales","phone":"+81377770000"} | -
            57 | 2026-11-24T01:25:00Z | boss | call | 7 | call.struck | {"category":"sales"} | {"category":"spam"} | 自動音声の営業
            58 | 2026-11-24T01:26:00Z | boss | staff | 3 | staff.channel_added | - | {"channel_id":1,"kind":"mail","address":"tanaka@example.jp"} | -
            59 | 2026-11-24T01:27:00Z | boss | staff | 3 | staff.channel_removed | {"channel_id":1,"kind":"mail","address":"tanaka@example.jp"} | - | -
            60 | 2026-11-24T01:28:00Z | boss | setting | 1 | account.channel_added | - | {"channel_id":2,"kind":"slack","address":"https://hooks.slack.com/services/T/B/X"} | -
            61 | 2026-11-24T01:29:00Z | boss | setting | 1 | account.channel_removed | {"channel_id":2,"kind":"slack","address":"https://hooks.slack.com/services/T/B/X"} | - | -
            62 | 2026-11-24T01:50:00Z | sweep | callback | 3 | callback.reminded | - | {"notified":"tanaka","message_id":4} | not acknowledged 30m after message 4 was notified
            63 | 2026-11-24T01:50:00Z | sweep | callback | 4 | callback.reminded | - | {"notified":"tanaka","message_id":5} | not acknowledged 30m after message 5 was notified
            64 | 2026-11-24T01:55:00Z | tanaka | callback | 4 | callback.acknowledged | {"state":"open","acknowledged_at":null} | {"state":"acknowledged","acknowledged_at":"2026-11-24T01:55:00Z"} | through notification #9
            65 | 2026-11-24T02:00:00Z | boss | callback | 2 | callback.reopened | {"state":"cancelled","due_at":"2026-11-20T09:00:00Z","closed_at":"2026-11-20T01:33:00Z","closing_note":"重複"} | {"state":"open","due_at":"2026-11-24T09:00:00Z","closed_at":null,"closing_note":null} | 誤って取消
            66 | 2026-11-24T02:01:00Z | sato | callback | 1 | callback.corrected | {"caller":"山田太郎"} | {"caller":"山本太郎"} | 聞き間違い
            67 | 2026-11-24T02:01:00Z | sato | callback | 1 | callback.corrected | {"phone":"+81312345678"} | {"phone":"+81312345679"} | 聞き間違い
            68 | 2026-11-24T02:02:00Z | sato | callback | 1 | callback.corrected | - | {"message_note":2} | -
            """)
        // The ladder each step climbed is stored by name: urgent, overdue, or manual for an escalation by hand.
        #expect(try storedEscalations(desk) == """
            1 | urgent | 0 | 0 | 3 | 2026-11-20T01:03:00Z | a message was taken; urgent: step 1 of 3, round 1 of 3
            1 | urgent | 0 | 1 | 2 | 2026-11-20T01:15:00Z | urgent and unacknowledged for 12m (step 2 of 3, round 1 of 3); suzuki is tanaka's substitute
            1 | manual | 0 | 0 | 1 | 2026-11-20T01:22:00Z | 大口
            3 | overdue | 0 | 0 | 3 | 2026-11-24T01:00:00Z | overdue by 1h of business time (step 1 of 2, round 1 of 3)
            3 | overdue | 0 | 1 | 1 | 2026-11-24T01:00:00Z | overdue by 1h of business time (step 2 of 2, round 1 of 3); boss is tanaka's escalation contact
            """)
    }
}
