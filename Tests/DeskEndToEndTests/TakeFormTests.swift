import Foundation
import MessageDesk
import Testing

/// `desk take` fed through a pipe, one answer per line, as an operator would type them.
@Suite struct TakeFormTests {
    /// The office of the walkthrough plus tanabe, so that "tan" matches two people.
    func office() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["staff", "add", "tanabe", "--name", "田辺"])
        try desk.ok(["away", "tanaka", "--until", "15:00", "--note", "客先訪問"])
        return desk
    }

    /// Everything in the database, to show an aborted form changed nothing.
    func dump(_ desk: DeskSandbox) throws -> String {
        try desk.sql("SELECT group_concat(n, ',') FROM (SELECT count(*) AS n FROM events UNION ALL SELECT count(*) FROM callers UNION ALL SELECT count(*) FROM calls UNION ALL SELECT count(*) FROM messages UNION ALL SELECT count(*) FROM callbacks)")
            + (try desk.sql(".dump"))
    }

    @Test func aNewCallersMessageIsSavedAfterTheSummaryIsConfirmed() throws {
        let desk = try office()
        let answers = ["tanaka", "03-1234-5678", "山田太郎", "ＡＢＣ商事", "見積の件で", "折り返しください", "", "y", "", "", "+2h",
                       "y", "y", "1", "", "3m", "many", "", ""]
        let result = try desk.run(["take", "--as", "sato"], input: answers.joined(separator: "\n") + "\n")
        #expect(result == DeskResult(status: 0, stdout: """
            Take a message — Ctrl-C or Ctrl-D cancels; nothing is saved until you confirm.
            For whom (handle or name): tanaka
            → 田中一郎 (tanaka): in a meeting until 15:00 (客先訪問) — substitute: 鈴木花子 (suzuki)
            Caller's phone: 03-1234-5678
            → New caller
            Caller's name: 山田太郎
            Company: ＡＢＣ商事
            Message (several lines; an empty line ends it):
            > 見積の件で
            > 折り返しください
            >\u{20}
            Urgent? [y/N]: y
            Wants: 1 callback, 2 call-again, 3 info, 4 verify [1]:\u{20}
            Not before (15:00, 15時, +1h, 明日10時, tomorrow 10:00; empty: any time):\u{20}
            Call back by (17:00, 今日中, 明日, 月曜; empty: the usual due time): +2h
            New contact? [y/N]: y
            Tried the mobile first? [y/N]: y
            Decision: 1 decides alone, 2 has some discretion, 3 proposes to a superior (Enter: skip): 1
            Proceed: 1 by messages, 2 meet to hear details (Enter: skip):\u{20}
            Order: 1 within 3 months, 2 within 6 months, 3 later (Enter: skip): 3m
            Other vendors considered: 1 three or more, 2 one or two, 3 none (Enter: skip): many
            Sensitive (personnel, pay, legal…)? [y/N]:\u{20}
            ----
            For: 田中一郎 (tanaka)
            Caller: 山田太郎, ＡＢＣ商事, 03-1234-5678
            Message:
              見積の件で
              折り返しください
            Wants: callback   Window: ≤ 12:15
            Buyer: type ① (first response wins) — Decision: decides alone; Order: within 3 months; Other vendors considered: three or more
            Notes: URGENT, new contact, tried the mobile
            ----
            Save? [Y/n]:\u{20}
            saved: opened callback #1 for suzuki (鈴木花子), due 12:15
            routed to suzuki (substitute; tanaka is in a meeting until 15:00 (客先訪問))

            """, stderr: ""))
        // The caller's by-time (12:15) wins over type ①'s two business hours; tanaka's meeting runs past it.
        #expect(try desk.sql("SELECT body, urgent, new_contact, not_after, decision, proceed, order_timing, other_vendors, sensitive FROM messages")
                == "見積の件で\n折り返しください|1|1|2026-11-20T03:15:00Z|self||within_3_months|many|0\n")
        #expect(try desk.sql("SELECT o.handle, r.handle, cb.buyer_type, cb.due_at FROM callbacks cb JOIN staff o ON o.id = cb.owner_id JOIN staff r ON r.id = cb.routed_from_id")
                == "suzuki|tanaka|type1|2026-11-20T03:15:00Z\n")
        #expect(try desk.sql("SELECT c.tried_mobile, s.handle FROM calls c JOIN staff s ON s.id = c.operator_id") == "1|sato\n")
    }

    @Test func aReturningCallerIsRecognisedAndTheCallJoinsTheirOpenCallback() throws {
        let desk = try office()
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田太郎", "--company", "ＡＢＣ商事", "--phone", "0312345678",
                     "--message", "見積"])
        let answers = ["田中", "+81 3 1234 5678", "", "", "まだですか", "", "", "", "", "", "", "", "", "", "", "", "", ""]
        let result = try desk.run(["take"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
            Caller's phone: +81 3 1234 5678
            → Returning caller: 山田太郎 (ＡＢＣ商事); this call joins open callback #1 (due 18:00)
            Caller's name [山田太郎]:\u{20}
            Company [ＡＢＣ商事]:\u{20}
            """))
        #expect(result.stdout.contains("saved: joined open callback #1 (call 2 from this caller) for tanaka (田中一郎), due 18:00\n"))
        #expect(try desk.sql("SELECT count(*), max(repeat_count) FROM callbacks") == "1|1\n")
        #expect(try desk.sql("SELECT caller_name, company FROM calls ORDER BY id DESC LIMIT 1") == "山田太郎|ＡＢＣ商事\n")
    }

    @Test func everyInvalidAnswerIsAskedAgainWithItsReason() throws {
        let desk = try office()
        let answers = [
            "", "xyz", "tan", "2",                      // empty, nobody, two people, then the number
            "03-1234-56x8", "03-1234-5678",             // not a phone number
            "", "山田", "",                             // empty name
            "", "伝言", "",                             // empty message
            "maybe", "n", "5", "verify",                // yes/no, wants
            "", "25:00", "09:00", "10:00", "+1h",       // impossible time, past time, then a window
            "", "",
            "9", "proposes", "", "soon", "later", "some", "y",  // buyer attributes; sensitive
            "",
        ]
        let result = try desk.run(["take"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result)")
        let rejections = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ✗") }
        #expect(rejections == [
            "  ✗ an answer is needed here",
            "  ✗ nobody matches 'xyz'; type a handle (tanaka) or part of a name (田中)",
            "  ✗ several people match 'tan'; type a number from the list, or more of the name",
            "  ✗ '03-1234-56x8' is not a phone number: use digits with optional spaces or hyphens, e.g. 03-1234-5678 or +81 3 1234 5678",
            "  ✗ an answer is needed here",
            "  ✗ the message is empty; type what the caller said",
            "  ✗ answer y or n",
            "  ✗ choose 1-4 or callback, call-again, info, verify",
            "  ✗ '25:00' is not a time: use 15:00, 15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 11/24 15:00, tomorrow 10:00 or ISO-8601 (2026-11-24T10:00+09:00)",
            "  ✗ the call-back-by time 2026-11-20 09:00 is already past; give a later time, e.g. +2h or 17:00",
            "  ✗ choose 1-3 or self, discretion, proposes, or press Enter to skip",
            "  ✗ choose 1-3 or 3m, 6m, later, or press Enter to skip",
        ])
        #expect(result.stdout.contains("    1) tanabe  田辺\n    2) tanaka  田中一郎\n"))
        #expect(try desk.sql("SELECT m.wants, m.not_before, m.not_after, s.handle FROM messages m JOIN callbacks c ON c.id = m.callback_id JOIN staff s ON s.id = c.owner_id")
                == "verify|2026-11-20T01:00:00Z|2026-11-20T02:15:00Z|tanaka\n")
        #expect(try desk.sql("SELECT decision, proceed IS NULL, order_timing, other_vendors, sensitive FROM messages")
                == "proposes|1|later|some|1\n")
    }

    @Test func aBlockedNumberEndsTheFormAndIsRecordedAsBlocked() throws {
        let desk = try office()
        try desk.ok(["account", "block", "default", "03-6666-0000", "--as", "boss"])
        let result = try desk.run(["take", "--as", "sato"], input: "tanaka\n03-6666-0000\n")
        #expect(result == DeskResult(status: 0, stdout: """
            Take a message — Ctrl-C or Ctrl-D cancels; nothing is saved until you confirm.
            For whom (handle or name): tanaka
            → 田中一郎 (tanaka): in a meeting until 15:00 (客先訪問) — substitute: 鈴木花子 (suzuki)
            Caller's phone: 03-6666-0000
            → This number is on the account's block list: the call is recorded as blocked, with no message
            recorded call 1 as blocked; no callback opened

            """, stderr: ""))
        #expect(try desk.sql("SELECT id, outcome, phone FROM screened_calls") == "1|blocked|+81366660000\n")
        #expect(try desk.sql("SELECT count(*) FROM callbacks") == "0\n")
    }

    @Test func endingTheInputOrDecliningLeavesTheDatabaseUnchanged() throws {
        let desk = try office()
        let before = try dump(desk)
        let ended = try desk.run(["take"], input: "tanaka\n03-1234-5678\n山田\n")
        #expect(ended.status == 1)
        #expect(ended.stderr == "desk: cancelled (end of input): nothing was saved\n")
        let declined = try desk.run(["take"], input: "tanaka\n03-1234-5678\n山田\n\nx\n\n\n\n\n\n\n" + "\n\n\n\n\n\nn\n")
        #expect(declined.status == 1)
        #expect(declined.stderr == "desk: not saved: nothing was written\n")
        #expect(try dump(desk) == before)
    }

    @Test func ctrlCMidFormSavesNothingAndSaysSo() throws {
        let desk = try office()
        let before = try dump(desk)
        let process = Process()
        process.executableURL = deskExecutable
        process.arguments = ["take"]
        process.environment = desk.environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("tanaka\n03-1234-5678\n山田\n".utf8))
        // Wait until the form asks for the company — mid-form — then interrupt.
        readUntil(output, shows: "Company: ")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                == "\ndesk: cancelled (Ctrl-C): nothing was saved\n")
        #expect(try dump(desk) == before)
    }

    @Test func japaneseLabelsWhenTheLocaleIsJapanese() throws {
        var desk = try office()
        desk.extraEnvironment = ["LANG": "ja_JP.UTF-8"]
        let answers = ["田中", "0312345678", "山田太郎", "", "至急お電話ください", "", "y", "1", "", "", "", "", "2", "2", "", "3", "", ""]
        let result = try desk.run(["take", "--as", "sato"], input: answers.joined(separator: "\n") + "\n")
        #expect(result == DeskResult(status: 0, stdout: """
            伝言メモ — Ctrl-C または Ctrl-D で中止（確認するまで何も保存されません）
            宛先（ハンドルまたは名前）: 田中
            → 田中一郎 (tanaka): 会議中 — 15:00 戻り予定 (客先訪問) — 代理: 鈴木花子 (suzuki)
            お客様の電話番号: 0312345678
            → 初めてのお客様
            お名前: 山田太郎
            会社名:\u{20}
            伝言（複数行可・空行で終了）:
            > 至急お電話ください
            >\u{20}
            至急ですか？ [y/N]: y
            ご用件: 1 折り返し希望, 2 かけ直す, 3 伝言のみ, 4 在籍確認 [1]: 1
            この時刻以降に連絡（15時, 午後3時, +1h, 明日10時; 空欄: いつでも）:\u{20}
            この時刻までに折り返し（17時, 今日中, 明日, 月曜; 空欄: 通常の期限）:\u{20}
            新規のお客様ですか？ [y/N]:\u{20}
            先に携帯へかけましたか？ [y/N]:\u{20}
            決裁: 1 本人が決める, 2 ある程度任されている, 3 上司に提案する（空欄: 不明）: 2
            進め方: 1 メッセージで, 2 会って詳しく（空欄: 不明）: 2
            発注時期: 1 3か月以内, 2 6か月以内, 3 それより先（空欄: 不明）:\u{20}
            他社への相談: 1 3社以上, 2 1〜2社, 3 なし（空欄: 不明）: 3
            取扱注意（人事・給与・訴訟など）ですか？ [y/N]:\u{20}
            ----
            宛先: 田中一郎 (tanaka)
            お客様: 山田太郎, 03-1234-5678
            伝言:
              至急お電話ください
            ご用件: 折り返し希望   連絡時間: 通常の期限
            お客様のタイプ: タイプ②（内容で決める・準備して折り返し） — 決裁: ある程度任されている; 進め方: 会って詳しく; 他社への相談: なし
            備考: 至急
            ----
            保存しますか？ [Y/n]:\u{20}
            保存しました：折り返し #1 宛先 tanaka (田中一郎) 期限 10:45
            tanaka：会議中 — 15:00 戻り予定 (客先訪問)
            tanaka が折り返します：タイプ②のお客様は担当者の準備した回答を待ちます

            """, stderr: ""))
        // Type ② stays with tanaka although the meeting runs past the 10:45 due time.
        #expect(try desk.sql("SELECT o.handle, cb.buyer_type, cb.routed_from_id IS NULL FROM callbacks cb JOIN staff o ON o.id = cb.owner_id")
                == "tanaka|type2|1\n")
    }

    @Test func jsonModeKeepsTheDialogueOnStderr() throws {
        let desk = try office()
        let result = try desk.run(["take", "--json"], input: "tanaka\n0312345678\n山田\n\nx\n\n\n\n\n\n\n" + "\n\n\n\n\n\n\n")
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("Take a message"))
        let json = try JSONValue.parse(result.stdout)
        #expect(json["saved"] == true)
        #expect(json["callback"]?["owner"] == "tanaka")
    }
}

/// The presence board (行先掲示板).
@Suite struct BoardTests {
    @Test func theBoardShowsWhereEveryoneIsAndWhatTheyOwe() throws {
        var desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["away", "tanaka", "--until", "15:00", "--note", "客先訪問"])
        try desk.ok(["away", "suzuki", "--until", "tomorrow 18:00", "--reason", "off"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "山田", "--phone", "0312345678", "--message", "x", "--urgent"])
        try desk.ok(["log", "--for", "tanaka", "--caller", "ｶﾅ", "--phone", "0612345678", "--message", "y"])
        desk.now = "2026-11-20T11:00:00+09:00"
        #expect(try desk.run(["board"]) == DeskResult(status: 0, stdout: """
            11:00
            HANDLE  NAME      WHERE          UNTIL        NOTE      SUBSTITUTE  OWED  OVERDUE
            boss    部長      in the office                                        0
            sato    佐藤      in the office                                        0
            suzuki  鈴木花子  on a day off   11-21 18:00                           0
            tanaka  田中一郎  in a meeting   15:00        客先訪問  suzuki         2        1

            """, stderr: ""))
        desk.extraEnvironment = ["LANG": "ja_JP.UTF-8"]
        #expect(try desk.run(["board"]).stdout.contains("tanaka  田中一郎  会議中  15:00        客先訪問  suzuki         2        1\n"))
        let json = try JSONValue.parse(try desk.run(["board", "--json"]).stdout)
        guard case .array(let rows) = json else {
            Issue.record("not an array")
            return
        }
        #expect(rows.last?["owed"] == 2)
        #expect(rows.last?["presence"]?["until"] == "2026-11-20T15:00:00+09:00")
        #expect(try desk.run(["board", "--csv"]).stdout.hasSuffix("tanaka,田中一郎,meeting,2026-11-20T15:00:00+09:00,客先訪問,suzuki,2,1\r\n"))
        #expect(try desk.run(["board", "--watch"]).status == 64)  // not a terminal
    }
}
