import Foundation
import MessageDesk
import Testing

/// Tables fit the terminal (issue 17): at `COLUMNS` (else the terminal's width) the long columns are cut with "…"
/// so that no row wraps; `--wide`, and a pipe without `COLUMNS`, show whole rows. Half-width kana with ﾞ count
/// one column per mark, so the columns after them line up.
@Suite struct FittingTablesTests {
    static let message = "見積の件で折り返しください。来週の打ち合わせの日程も相談したいとのこと"
    static let note = "大阪の顧客先で打ち合わせ、その後は直帰の可能性あり。急ぎの件は鈴木さんへお願いします"

    /// tanaka (in a meeting, with a long note) owes ﾔﾏﾀﾞﾀﾛｳ of ｶﾌﾞｼｷｶﾞｲｼｬﾔﾏﾀﾞｼｮｳｼﾞ a long urgent message; suzuki owes 佐々木.
    func office() throws -> DeskSandbox {
        let desk = try DeskSandbox()
        try desk.setUpOffice()
        try desk.ok(["log", "--as", "sato", "--for", "tanaka", "--caller", "ﾔﾏﾀﾞﾀﾛｳ", "--company", "ｶﾌﾞｼｷｶﾞｲｼｬﾔﾏﾀﾞｼｮｳｼﾞ",
                     "--phone", "03-1234-5678", "--message", Self.message, "--urgent"])
        try desk.ok(["log", "--as", "sato", "--for", "suzuki", "--caller", "佐々木", "--company", "ＡＢＣ商事",
                     "--phone", "06-1111-2222", "--message", "資料送付"])
        try desk.ok(["away", "tanaka", "--until", "15:00", "--reason", "meeting", "--note", Self.note])
        return desk
    }

    func run(_ desk: DeskSandbox, columns: Int?, _ arguments: [String]) throws -> String {
        var copy = desk
        if let columns { copy.extraEnvironment["COLUMNS"] = String(columns) }
        let result = try copy.run(arguments)
        #expect(result.status == 0 && result.stderr == "", "desk \(arguments.joined(separator: " ")): \(result)")
        return result.stdout
    }

    @Test func callbacksFitEightyAndHundredTwentyColumns() throws {
        let desk = try office()
        #expect(try run(desk, columns: 80, ["callbacks"]) == """
            ID   PRI  DUE    STATE        OWNER   CALLER   COMPANY   PHONE         MESSAGE
             1  8.00  10:45  open urgent  tanaka  ﾔﾏﾀﾞﾀﾛｳ  ｶﾌﾞｼｷｶﾞ…  03-1234-5678  見積の件…
             2  0.00  18:00  open         suzuki  佐々木   ＡＢＣ…   06-1111-2222  資料送付

            """)
        #expect(try run(desk, columns: 120, ["callbacks"]) == """
            ID   PRI  DUE    STATE        OWNER   CALLER   COMPANY              PHONE         MESSAGE
             1  8.00  10:45  open urgent  tanaka  ﾔﾏﾀﾞﾀﾛｳ  ｶﾌﾞｼｷｶﾞｲｼｬﾔﾏﾀﾞｼｮｳｼﾞ  03-1234-5678  見積の件で折り返しください。来週の打…
             2  0.00  18:00  open         suzuki  佐々木   ＡＢＣ商事           06-1111-2222  資料送付

            """)
        // Whole rows with --wide, and to a pipe that names no width.
        let whole = """
            ID   PRI  DUE    STATE        OWNER   CALLER   COMPANY              PHONE         MESSAGE
             1  8.00  10:45  open urgent  tanaka  ﾔﾏﾀﾞﾀﾛｳ  ｶﾌﾞｼｷｶﾞｲｼｬﾔﾏﾀﾞｼｮｳｼﾞ  03-1234-5678  \(Self.message)
             2  0.00  18:00  open         suzuki  佐々木   ＡＢＣ商事           06-1111-2222  資料送付

            """
        #expect(try run(desk, columns: 80, ["callbacks", "--wide"]) == whole)
        #expect(try run(desk, columns: nil, ["callbacks"]) == whole)
    }

    @Test func theBoardFitsEightyAndHundredTwentyColumns() throws {
        let desk = try office()
        #expect(try run(desk, columns: 80, ["board"]) == """
            10:15
            HANDLE  NAME      WHERE          UNTIL  NOTE           SUBSTITUTE  OWED  OVERDUE
            boss    部長      in the office                                       0
            sato    佐藤      in the office                                       0
            suzuki  鈴木花子  in the office                                       1
            tanaka  田中一郎  in a meeting   15:00  大阪の顧客先…  suzuki         1

            """)
        #expect(try run(desk, columns: 120, ["board"]) == """
            10:15
            HANDLE  NAME      WHERE          UNTIL  NOTE                                                   SUBSTITUTE  OWED  OVERDUE
            boss    部長      in the office                                                                               0
            sato    佐藤      in the office                                                                               0
            suzuki  鈴木花子  in the office                                                                               1
            tanaka  田中一郎  in a meeting   15:00  大阪の顧客先で打ち合わせ、その後は直帰の可能性あり。…  suzuki         1

            """)
        #expect(try run(desk, columns: 80, ["board", "--wide"]).contains(Self.note))
    }

    /// Every table command: no row is wider than the terminal (those with a long column to cut).
    @Test(arguments: [80, 120]) func noRowOfAnyTableWraps(_ columns: Int) throws {
        let desk = try office()
        for arguments in [["callbacks"], ["callbacks", "--state", "all"], ["board"], ["history", "1"], ["notifications"],
                          ["report"], ["staff", "list"]] {
            let output = try run(desk, columns: columns, arguments)
            for line in output.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= columns, "desk \(arguments.joined(separator: " ")) at \(columns): \(line)")
            }
        }
    }
}
