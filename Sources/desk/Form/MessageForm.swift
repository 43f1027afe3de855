import Foundation
import MessageDesk

/// The message form (伝言メモ): asks, in the order a call goes, for everything a message needs,
/// telling the operator at once what to say to the caller. It writes nothing; `desk take` does,
/// after the operator confirms.
struct MessageForm {
    let store: DeskStore
    let labels: Labels
    let times: TimeDisplay
    let io: FormIO
    let operatorHandle: String?
    /// Answers known before the form opens (`desk incoming --take`): offered as the defaults of their questions.
    var prefilledOwner: String? = nil
    var prefilledPhone: PhoneNumber? = nil

    /// The caller's number is on the account's block list: no message is taken, and `desk take` records the call.
    struct Blocked: Error {
        let phone: PhoneNumber
    }

    /// Asks every question; throws `FormIO.EndOfInput` when the operator ends the input, and the store's
    /// error when a lookup fails: a database error is never taken for "no match" or "new caller".
    func fill() throws -> NewMessage {
        io.say(labels.formTitle)
        // A desk of several accounts with none chosen: whose call it is comes first.
        let line = store.account == nil ? try askAccount() : nil
        let owner = try askOwner()
        let (phone, known) = try askPhone(owner: owner)
        let name = try askRequired(labels.askName, default: known?.name, limit: .callerName)
        let company = try askWithin(.company) { () throws(FormIO.EndOfInput) in
            try io.ask(labels.askCompany, default: known?.company ?? "")
        }
        let body = try askMessage()
        let urgent = try askYesNo(labels.askUrgent, default: false)
        let wants = try askWants()
        let (notBefore, notAfter) = try askWindow()
        let newContact = try askYesNo(labels.askNewContact, default: false)
        let triedMobile = try askYesNo(labels.askTriedMobile, default: false)
        let buyer = BuyerAttributes(
            decision: try askOptional(labels.askDecision, names: labels.decisionNames),
            proceed: try askOptional(labels.askProceed, names: labels.proceedNames),
            orderTiming: try askOptional(labels.askOrderTiming, names: labels.orderTimingNames,
                                         words: OrderWithinArgument.allCases.map { ($0.rawValue, $0.timing) }),
            otherVendors: try askOptional(labels.askOtherVendors, names: labels.otherVendorsNames))
        let sensitive = try askYesNo(labels.askSensitive, default: false)
        return NewMessage(
            forHandle: owner.handle, callerName: name, phone: phone, company: company.isEmpty ? nil : company,
            body: body, urgent: urgent, wants: wants, notBefore: notBefore, notAfter: notAfter,
            newContact: newContact, operatorHandle: operatorHandle, triedMobile: triedMobile, buyer: buyer,
            sensitive: sensitive, line: line)
    }

    // MARK: - Questions

    /// Which line or account: a dialled number chooses its account (and is the call's line), a code the account.
    private func askAccount() throws -> PhoneNumber? {
        while true {
            let answer = try io.ask(labels.askAccount)
            do {
                if answer.isEmpty { throw DeskError(.badInput, labels.emptyAnswer) }
                let line = try? PhoneNumber(parsing: answer)
                let account = try line.map { try store.account(forLine: $0) } ?? store.account(code: answer)
                try store.selectAccount(account.code)
                io.say(TerminalText.sanitized("→ \(account.code) \(account.name): \(account.greeting ?? "-")"))
                return line
            } catch let error as DeskError where error.kind == .badInput {
                io.reject(error.message)
            }
        }
    }

    /// For whom: a handle or part of a name; the matches are shown, then where the person is.
    private func askOwner() throws -> Staff {
        var choices: [Staff] = []
        while true {
            let answer = try io.ask(labels.askOwner, default: prefilledOwner)
            if let number = Int(answer), choices.indices.contains(number - 1) {
                return try announce(choices[number - 1])
            }
            let matches = try store.staff(matching: answer)
            if matches.count == 1 { return try announce(matches[0]) }
            if answer.isEmpty {
                io.reject(labels.emptyAnswer)
            } else if matches.isEmpty {
                io.reject(labels.noMatch.replacingOccurrences(of: "{query}", with: answer))
            } else {
                choices = matches
                io.reject(labels.severalMatch.replacingOccurrences(of: "{query}", with: answer) + "; " + labels.pickNumber)
                for (index, person) in matches.enumerated() {
                    io.say(TerminalText.sanitized("    \(index + 1)) \(person.handle)  \(person.displayName)"))
                }
            }
        }
    }

    /// Prints where the chosen person is and who stands in, for the operator to read to the caller.
    private func announce(_ person: Staff) throws -> Staff {
        let presence = try store.presence(of: person.handle, at: times.now)
        var line = "→ \(person.displayName) (\(person.handle)): \(labels.presence(presence, times: times))"
        if let substitute = person.substitute {
            let name = try store.staff(handle: substitute).displayName
            line += " — \(labels.substitute): \(name) (\(substitute))"
        } else if presence.status.isAway {
            line += " — \(labels.noSubstitute)"
        }
        io.say(TerminalText.sanitized(line))
        return person
    }

    /// The caller's phone first: a returning caller's name and company are filled in, and their open
    /// callback with this person is shown, because this call will join it.
    private func askPhone(owner: Staff) throws -> (PhoneNumber, Caller?) {
        while true {
            let answer = try io.ask(labels.askPhone, default: prefilledPhone?.national)
            let phone: PhoneNumber
            do {
                phone = try PhoneNumber(parsing: answer)
            } catch {
                io.reject(answer.isEmpty ? labels.emptyAnswer : error.message)
                continue
            }
            if try store.isBlocked(phone) {
                io.say("→ \(labels.blockedCaller)")
                throw Blocked(phone: phone)
            }
            guard let caller = try store.caller(phone: phone) else {
                io.say("→ \(labels.newCaller)")
                return (phone, nil)
            }
            var line = "→ \(labels.returningCaller): \(caller.name)" + (caller.company.map { " (\($0))" } ?? "")
            if let open = try store.liveCallback(callerID: caller.id, owner: owner.handle) {
                line += "; " + labels.willJoin.replacingOccurrences(of: "{id}", with: String(open.id))
                    .replacingOccurrences(of: "{due}", with: times.short(open.dueAt))
            }
            io.say(TerminalText.sanitized(line))
            return (phone, caller)
        }
    }

    private func askRequired(_ prompt: String, default defaultValue: String?, limit: TextLimit) throws(FormIO.EndOfInput) -> String {
        while true {
            let answer = try askWithin(limit) { () throws(FormIO.EndOfInput) in try io.ask(prompt, default: defaultValue) }
            if !answer.isEmpty { return answer }
            io.reject(labels.emptyAnswer)
        }
    }

    /// Several lines, kept exactly as typed (only the blank line that ends it is dropped).
    private func askMessage() throws(FormIO.EndOfInput) -> String {
        while true {
            let message = try askWithin(.message) { () throws(FormIO.EndOfInput) in
                try io.askLines(labels.askMessage).joined(separator: "\n")
            }
            if !message.isEmpty { return message }
            io.reject(labels.emptyMessage)
        }
    }

    /// Asks until the answer fits the field's size limit, saying how long it was.
    private func askWithin(_ limit: TextLimit, _ ask: () throws(FormIO.EndOfInput) -> String) throws(FormIO.EndOfInput) -> String {
        while true {
            let answer = try ask()
            guard let count = limit.excess(answer) else { return answer }
            io.reject(labels.tooLong.replacingOccurrences(of: "{count}", with: String(count))
                .replacingOccurrences(of: "{limit}", with: String(limit.maximum)))
        }
    }

    /// Asks until `parse` understands the answer (lower-cased); Enter gives `empty`.
    private func ask<T>(_ prompt: String, empty: T, reject: String, _ parse: (String) -> T?) throws(FormIO.EndOfInput) -> T {
        while true {
            let answer = try io.ask(prompt).lowercased()
            if answer.isEmpty { return empty }
            if let value = parse(answer) { return value }
            io.reject(reject)
        }
    }

    private func askYesNo(_ prompt: String, default defaultValue: Bool) throws(FormIO.EndOfInput) -> Bool {
        try ask(prompt, empty: defaultValue, reject: labels.answerYesNo) { answer in
            labels.yes.contains(answer) ? true : labels.no.contains(answer) ? false : nil
        }
    }

    private func askWants() throws(FormIO.EndOfInput) -> Message.Wants {
        let byNumber: [String: Message.Wants] = ["1": .callback, "2": .callAgain, "3": .info, "4": .verify]
        return try ask(labels.askWants, empty: .callback, reject: labels.wantsChoices) { answer in
            byNumber[answer] ?? WantsArgument(rawValue: answer)?.wants
        }
    }

    /// One optional buyer attribute: a number from the list, or the word `desk log` takes; Enter skips.
    private func askOptional<Choice: CaseIterable & Hashable & RawRepresentable<String>>(
        _ title: String, names: [Choice: String],
        words: [(word: String, choice: Choice)] = Choice.allCases.map { ($0.rawValue, $0) }
    ) throws(FormIO.EndOfInput) -> Choice? {
        let choices = Array(Choice.allCases)
        let listed = choices.enumerated().map { "\($0.offset + 1) \(names[$0.element] ?? $0.element.rawValue)" }
        let prompt = "\(title): \(listed.joined(separator: ", "))\(labels.skipHint)"
        let reject = labels.choiceReject.replacingOccurrences(of: "{last}", with: String(choices.count))
            .replacingOccurrences(of: "{words}", with: words.map(\.word).joined(separator: ", "))
        return try ask(prompt, empty: nil, reject: reject) { answer -> Choice?? in
            if let number = Int(answer), choices.indices.contains(number - 1) { return choices[number - 1] }
            return words.first { $0.word == answer }.map { $0.choice }
        }
    }

    /// Not before / by, each re-asked until it is a time and the window is possible.
    private func askWindow() throws(FormIO.EndOfInput) -> (Date?, Date?) {
        while true {
            let notBefore = try askTime(labels.askNotBefore)
            let notAfter = try askTime(labels.askBy)
            do {
                try store.checkWindow(notBefore: notBefore, notAfter: notAfter, at: times.now)
                return (notBefore, notAfter)
            } catch {
                io.reject((error as? DeskError)?.message ?? "\(error)")
            }
        }
    }

    private func askTime(_ prompt: String) throws(FormIO.EndOfInput) -> Date? {
        while true {
            let answer = try io.ask(prompt)
            if answer.isEmpty { return nil }
            do {
                return try TimeExpression.parse(answer, now: times.now, calendar: times.calendar)
            } catch {
                io.reject(error.message)
            }
        }
    }

    // MARK: - Summary

    /// What will be saved, for the operator to read back to the caller before confirming.
    func summary(of message: NewMessage) throws -> [String] {
        let person = try store.staff(handle: message.forHandle)
        let owner = "\(person.displayName) (\(person.handle))"
        let caller = [message.callerName, message.company, message.phone.national].compactMap { $0 }.joined(separator: ", ")
        let window = [message.notBefore.map { "≥ " + times.short($0) }, message.notAfter.map { "≤ " + times.short($0) }]
            .compactMap { $0 }.joined(separator: " ")
        var flags: [String] = []
        if message.urgent { flags.append(labels.summaryUrgent) }
        if message.newContact { flags.append(labels.flagNewContact) }
        if message.triedMobile { flags.append(labels.flagTriedMobile) }
        if store.policy.sensitivity.isSensitive(message) { flags.append(labels.flagSensitive) }
        let wants = labels.wantsNames[message.wants] ?? message.wants.rawValue
        var lines = ["----", "\(labels.summaryFor): \(owner)", "\(labels.summaryCaller): \(caller)", "\(labels.summaryMessage):"]
        lines += message.body.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }
        lines.append("\(labels.summaryWants): \(wants)   \(labels.summaryWindow): \(window.isEmpty ? labels.defaultDue : window)")
        if !message.buyer.isEmpty {
            let said = [message.buyer.decision.map { "\(labels.askDecision): \(labels.decisionNames[$0] ?? $0.rawValue)" },
                        message.buyer.proceed.map { "\(labels.askProceed): \(labels.proceedNames[$0] ?? $0.rawValue)" },
                        message.buyer.orderTiming.map { "\(labels.askOrderTiming): \(labels.orderTimingNames[$0] ?? $0.rawValue)" },
                        message.buyer.otherVendors.map { "\(labels.askOtherVendors): \(labels.otherVendorsNames[$0] ?? $0.rawValue)" }]
            let type = BuyerType.read(message.buyer).type
            lines.append("\(labels.summaryBuyer): \(labels.buyerTypeNames[type] ?? type.rawValue) — "
                         + said.compactMap { $0 }.joined(separator: "; "))
        }
        if !flags.isEmpty { lines.append("\(labels.summaryFlags): \(flags.joined(separator: ", "))") }
        lines.append("----")
        return lines.map { TerminalText.sanitized($0) }
    }

    /// Asks to confirm; Enter means yes.
    func confirm() throws(FormIO.EndOfInput) -> Bool {
        try askYesNo(labels.askConfirm, default: true)
    }

    /// After a save that found the desk busy: try again (with the same request id, so never twice)?
    func confirmSaveAgain() throws(FormIO.EndOfInput) -> Bool {
        try askYesNo(labels.askSaveAgain, default: true)
    }
}
