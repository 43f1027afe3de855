import MessageDesk

/// Every word the operator's screens show, in English and Japanese: one place to read and translate.
struct Labels: Sendable {
    // MARK: - The message form

    let formTitle: String
    /// The first question when the desk answers for several accounts and none is chosen.
    let askAccount: String
    let askOwner: String
    let askPhone: String
    let askName: String
    let askCompany: String
    let askMessage: String
    let askUrgent: String
    let askWants: String
    let askNotBefore: String
    let askBy: String
    let askNewContact: String
    let askTriedMobile: String
    let askConfirm: String
    /// Asked when the save found the desk busy; the form's request id makes a second try safe.
    let askSaveAgain: String
    let notSavedYet: String
    let yes: Set<String>
    let no: Set<String>
    let pickNumber: String
    let substitute: String
    /// Said of a substitute who is away as well.
    let alsoAway: String
    let noSubstitute: String
    let returningCaller: String
    let willJoin: String
    let newCaller: String
    /// Said when the caller's number is on the account's block list: the form ends, the call is recorded as blocked.
    let blockedCaller: String
    let summaryFor: String
    let summaryCaller: String
    let summaryMessage: String
    let summaryUrgent: String
    let summaryWants: String
    let wantsNames: [Message.Wants: String]
    let summaryWindow: String
    let summaryFlags: String
    let flagNewContact: String
    let flagTriedMobile: String
    let defaultDue: String
    let none: String
    let cancelledInterrupt: String
    let cancelledEndOfInput: String
    let cancelledDeclined: String
    /// `{id}`, `{owner}`, `{due}` and `{calls}` are replaced.
    let savedOpened: String
    let savedJoined: String
    /// `{owner}` and `{presence}` are replaced.
    let ownerIs: String

    // MARK: - Re-asking, with the reason

    let noMatch: String
    let severalMatch: String
    let answerYesNo: String
    let emptyAnswer: String
    let emptyMessage: String
    let wantsChoices: String
    /// An answer over its size limit: `{count}` and `{limit}` are replaced.
    let tooLong: String

    // MARK: - Presence

    let inOffice: String
    let meeting: String
    let out: String
    let dayOff: String
    let leave: String
    /// How "until 15:00" reads: `{time}` is replaced.
    let untilPattern: String

    // MARK: - Buyer attributes, sensitivity, routing

    let askDecision: String
    let askProceed: String
    let askOrderTiming: String
    let askOtherVendors: String
    /// Ends every optional question's list of choices (with its own leading space, if any).
    let skipHint: String
    /// `{last}` and `{words}` are replaced: "choose 1-3 or self, discretion, proposes; Enter skips".
    let choiceReject: String
    let askSensitive: String
    let decisionNames: [BuyerAttributes.Decision: String]
    let proceedNames: [BuyerAttributes.Proceed: String]
    let orderTimingNames: [BuyerAttributes.OrderTiming: String]
    let otherVendorsNames: [BuyerAttributes.OtherVendors: String]
    let buyerTypeNames: [BuyerType: String]
    let summaryBuyer: String
    let flagSensitive: String
    /// `{substitute}` and `{ownerIs}` (the `ownerIs` line) are replaced.
    let routedTo: String
    /// `{owner}` is replaced.
    let staysForType2: String

    /// Japanese when `LC_ALL`, else `LC_MESSAGES`, else `LANG` starts with `ja`.
    static func forLocale(_ environment: [String: String]) -> Labels {
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("ja") ? .japanese : .english
    }

    /// How the operator tells the caller where someone is: "in a meeting until 15:00" / "会議中 — 15:00 戻り予定".
    func presence(_ presence: Presence, times: TimeDisplay) -> String {
        let until = presence.until.map { untilPattern.replacingOccurrences(of: "{time}", with: times.short($0)) } ?? ""
        let text: String
        switch presence.status {
        case .inOffice: text = inOffice
        case .meeting: text = meeting + until
        case .out: text = out + until
        case .dayOff: text = dayOff + until
        case .leave: text = leave + until
        }
        return presence.note.map { "\(text) (\($0))" } ?? text
    }

    static let english = Labels(
        formTitle: "Take a message — Ctrl-C or Ctrl-D cancels; nothing is saved until you confirm.",
        askAccount: "Which line / account (the dialled number or the account's code)",
        askOwner: "For whom (handle or name)", askPhone: "Caller's phone", askName: "Caller's name",
        askCompany: "Company", askMessage: "Message (several lines; an empty line ends it)",
        askUrgent: "Urgent? [y/N]", askWants: "Wants: 1 callback, 2 call-again, 3 info, 4 verify [1]",
        askNotBefore: "Not before (15:00, 15時, +1h, 明日10時, tomorrow 10:00; empty: any time)",
        askBy: "Call back by (17:00, 今日中, 明日, 月曜; empty: the usual due time)", askNewContact: "New contact? [y/N]",
        askTriedMobile: "Tried the mobile first? [y/N]", askConfirm: "Save? [Y/n]",
        askSaveAgain: "Try to save again? [Y/n]", notSavedYet: "not saved yet",
        yes: ["y", "yes"], no: ["n", "no"], pickNumber: "type a number from the list, or more of the name",
        substitute: "substitute", alsoAway: "also away", noSubstitute: "no substitute", returningCaller: "Returning caller",
        willJoin: "this call joins open callback #{id} (due {due})", newCaller: "New caller",
        blockedCaller: "This number is on the account's block list: the call is recorded as blocked, with no message",
        summaryFor: "For", summaryCaller: "Caller", summaryMessage: "Message", summaryUrgent: "URGENT",
        summaryWants: "Wants",
        wantsNames: [.callback: "callback", .callAgain: "will call again", .info: "information only", .verify: "verify the salesperson"],
        summaryWindow: "Window", summaryFlags: "Notes",
        flagNewContact: "new contact", flagTriedMobile: "tried the mobile", defaultDue: "usual due time",
        none: "-", cancelledInterrupt: "cancelled (Ctrl-C): nothing was saved",
        cancelledEndOfInput: "cancelled (end of input): nothing was saved",
        cancelledDeclined: "not saved: nothing was written",
        savedOpened: "saved: opened callback #{id} for {owner}, due {due}",
        savedJoined: "saved: joined open callback #{id} (call {calls} from this caller) for {owner}, due {due}",
        ownerIs: "{owner} is {presence}", noMatch: "nobody matches '{query}'; type a handle (tanaka) or part of a name (田中)",
        severalMatch: "several people match '{query}'", answerYesNo: "answer y or n",
        emptyAnswer: "an answer is needed here", emptyMessage: "the message is empty; type what the caller said",
        wantsChoices: "choose 1-4 or callback, call-again, info, verify",
        tooLong: "too long: {count} characters, the limit is {limit}; shorten it",
        inOffice: "in the office", meeting: "in a meeting", out: "out", dayOff: "on a day off", leave: "on leave",
        untilPattern: " until {time}",
        askDecision: "Decision", askProceed: "Proceed", askOrderTiming: "Order", askOtherVendors: "Other vendors considered",
        skipHint: " (Enter: skip)", choiceReject: "choose 1-{last} or {words}, or press Enter to skip",
        askSensitive: "Sensitive (personnel, pay, legal…)? [y/N]",
        decisionNames: [.alone: "decides alone", .discretion: "has some discretion", .proposes: "proposes to a superior"],
        proceedNames: [.messages: "by messages", .meeting: "meet to hear details"],
        orderTimingNames: [.within3Months: "within 3 months", .within6Months: "within 6 months", .later: "later"],
        otherVendorsNames: [.threeOrMore: "three or more", .oneOrTwo: "one or two", .noOthers: "none"],
        buyerTypeNames: [.type1: "type ① (first response wins)", .type2: "type ② (content wins: prepare details)",
                         .unknown: "type unknown"],
        summaryBuyer: "Buyer", flagSensitive: "sensitive",
        routedTo: "routed to {substitute} (substitute; {ownerIs})",
        staysForType2: "stays with {owner}: buyer type ② wants the right person — prepare details")

    static let japanese = Labels(
        formTitle: "伝言メモ — Ctrl-C または Ctrl-D で中止（確認するまで何も保存されません）",
        askAccount: "どの回線／アカウント（着信番号またはアカウントのコード）",
        askOwner: "宛先（ハンドルまたは名前）", askPhone: "お客様の電話番号", askName: "お名前", askCompany: "会社名",
        askMessage: "伝言（複数行可・空行で終了）", askUrgent: "至急ですか？ [y/N]",
        askWants: "ご用件: 1 折り返し希望, 2 かけ直す, 3 伝言のみ, 4 在籍確認 [1]",
        askNotBefore: "この時刻以降に連絡（15時, 午後3時, +1h, 明日10時; 空欄: いつでも）",
        askBy: "この時刻までに折り返し（17時, 今日中, 明日, 月曜; 空欄: 通常の期限）", askNewContact: "新規のお客様ですか？ [y/N]",
        askTriedMobile: "先に携帯へかけましたか？ [y/N]", askConfirm: "保存しますか？ [Y/n]",
        askSaveAgain: "もう一度保存してみますか？ [Y/n]", notSavedYet: "まだ保存されていません",
        yes: ["y", "yes", "はい"], no: ["n", "no", "いいえ"], pickNumber: "一覧の番号か、名前をもう少し入力してください",
        substitute: "代理", alsoAway: "代理も不在", noSubstitute: "代理なし", returningCaller: "以前にお電話のあったお客様",
        willJoin: "未対応の折り返し #{id}（期限 {due}）にまとめます", newCaller: "初めてのお客様",
        blockedCaller: "着信拒否の番号です。伝言は取らず、ブロックとして記録します",
        summaryFor: "宛先", summaryCaller: "お客様", summaryMessage: "伝言", summaryUrgent: "至急",
        summaryWants: "ご用件",
        wantsNames: [.callback: "折り返し希望", .callAgain: "かけ直す", .info: "伝言のみ", .verify: "在籍確認"],
        summaryWindow: "連絡時間", summaryFlags: "備考",
        flagNewContact: "新規", flagTriedMobile: "携帯に着信あり", defaultDue: "通常の期限",
        none: "なし", cancelledInterrupt: "中止しました（Ctrl-C）：何も保存していません",
        cancelledEndOfInput: "中止しました（入力終了）：何も保存していません",
        cancelledDeclined: "保存しませんでした：何も書き込んでいません",
        savedOpened: "保存しました：折り返し #{id} 宛先 {owner} 期限 {due}",
        savedJoined: "保存しました：未対応の折り返し #{id} にまとめました（このお客様から {calls} 回目）宛先 {owner} 期限 {due}",
        ownerIs: "{owner}：{presence}",
        noMatch: "'{query}' に該当する人がいません。ハンドル（tanaka）か名前の一部（田中）を入力してください",
        severalMatch: "'{query}' に該当する人が複数います", answerYesNo: "y か n で答えてください",
        emptyAnswer: "入力が必要です", emptyMessage: "伝言が空です。お客様のお話を入力してください",
        wantsChoices: "1〜4 または callback, call-again, info, verify を選んでください",
        tooLong: "長すぎます（{count}文字、上限{limit}文字）。短くしてください",
        inOffice: "在席", meeting: "会議中", out: "外出中", dayOff: "休み", leave: "休暇中",
        untilPattern: " — {time} 戻り予定",
        askDecision: "決裁", askProceed: "進め方", askOrderTiming: "発注時期", askOtherVendors: "他社への相談",
        skipHint: "（空欄: 不明）", choiceReject: "1〜{last} または {words} を選ぶか、空欄で飛ばしてください",
        askSensitive: "取扱注意（人事・給与・訴訟など）ですか？ [y/N]",
        decisionNames: [.alone: "本人が決める", .discretion: "ある程度任されている", .proposes: "上司に提案する"],
        proceedNames: [.messages: "メッセージで", .meeting: "会って詳しく"],
        orderTimingNames: [.within3Months: "3か月以内", .within6Months: "6か月以内", .later: "それより先"],
        otherVendorsNames: [.threeOrMore: "3社以上", .oneOrTwo: "1〜2社", .noOthers: "なし"],
        buyerTypeNames: [.type1: "タイプ①（最初の回答で決める）", .type2: "タイプ②（内容で決める・準備して折り返し）",
                         .unknown: "タイプ不明"],
        summaryBuyer: "お客様のタイプ", flagSensitive: "取扱注意",
        routedTo: "代理の {substitute} に回しました（{ownerIs}）",
        staysForType2: "{owner} が折り返します：タイプ②のお客様は担当者の準備した回答を待ちます")
}
