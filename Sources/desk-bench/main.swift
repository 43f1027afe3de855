// desk-bench: the library side of Scripts/benchmark.sh (issue 2). Not a test, and it asserts no times.
//
//   desk-bench insert PATH COUNT [STAFF]
//       Creates a desk database at PATH with STAFF salespeople (default 20) and one operator, then
//       takes COUNT messages through `DeskStore.takeMessage` inside one `inOneTransaction`, timed from
//       BEGIN to COMMIT. The callers, owners and clock follow a fixed sequence (SplitMix64, seed 2) that
//       Scripts/bench/insert_baseline.c reproduces exactly, so both databases end up with the same rows.
//       Prints `messages=N joined=J seconds=S rate=R`.
//
//   desk-bench seed PATH MESSAGES STAFF [CALLERS]
//       Builds a realistic desk for the list benchmark: STAFF salespeople, MESSAGES messages from about
//       CALLERS callers (default 0.3 × MESSAGES), most callbacks done, a few cancelled, a few
//       acknowledged, about 30 live per person. Everything goes through the library (so every row
//       satisfies the schema and has its events), committed every 10,000 messages.
//       Prints `messages=N callbacks=C live=L seconds=S`.
//       With MESSAGES = 0 it only creates the database and the staff.
//
//   desk-bench callback-query
//       Prints the SELECT that `desk callbacks --for HANDLE` runs, WHERE included, with a `?` for the account id
//       and then one for the owner's staff id: the shell side of the list benchmarks runs the library's own text.
//   desk-bench holidays FROM TO
//       Prints the national holidays of the years FROM to TO (HolidayDump.swift), for Scripts/holiday-check.sh.
//
//   desk-bench calendar ROUNDS
//       Times ROUNDS calls of each of the business calendar's walks (CalendarBench.swift): the cost of the
//       national holidays and closures on the due time, the priority and the sweep.

import Foundation
import MessageDesk

// MARK: - A fixed pseudo-random sequence (the C baseline uses the same one)

struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One call of the fixed sequence: whom it is from, for whom, and its flags.
struct CallSpec {
    let callerIndex: Int
    let ownerIndex: Int
    let urgent: Bool
    let triedMobile: Bool
    let callAgain: Bool

    /// Nine calls in ten go to the caller's usual salesperson, so a repeat call often joins the
    /// callback still open; the tenth goes to someone else.
    static func next(_ random: inout SplitMix64, callers: Int, staff: Int) -> CallSpec {
        let r1 = random.next()
        let r2 = random.next()
        let r3 = random.next()
        let callerIndex = Int(r1 % UInt64(callers))
        let ownerIndex = r2 % 10 == 0
            ? Int((r2 / 10) % UInt64(staff))
            : Int((UInt64(callerIndex) &* 7919) % UInt64(staff))
        return CallSpec(callerIndex: callerIndex, ownerIndex: ownerIndex, urgent: r3 % 10 == 0,
                        triedMobile: (r3 / 10) % 4 == 0, callAgain: (r3 / 40) % 20 == 0)
    }
}

// MARK: - Names and numbers of the fixed sequence

func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

func staffHandle(_ index: Int) -> String { "staff" + zeroPadded(index + 1, 4) }
let operatorHandle = "operator1"
let actorHandle = "operator1"

/// A Tokyo number, +81 3 followed by eight digits: one per caller.
func callerPhone(_ index: Int) -> String { "+813" + zeroPadded(index, 8) }
func callerName(_ index: Int) -> String { "山田" + String(index) }
func callerCompany(_ index: Int) -> String? { index % 3 == 0 ? nil : "株式会社サンプル" + String(index % 5000) }
func messageBody(_ index: Int) -> String { "折り返しお願いします(" + String(index) + ")" }

/// The message the sequence takes as call number `index`.
func newMessage(_ spec: CallSpec, index: Int) throws -> NewMessage {
    guard let phone = PhoneNumber(e164: callerPhone(spec.callerIndex)) else {
        throw DeskError(.badInput, "generated phone \(callerPhone(spec.callerIndex)) is not valid")
    }
    return NewMessage(
        forHandle: staffHandle(spec.ownerIndex), callerName: callerName(spec.callerIndex), phone: phone,
        company: callerCompany(spec.callerIndex), body: messageBody(index), urgent: spec.urgent,
        wants: spec.callAgain ? .callAgain : .callback, operatorHandle: operatorHandle,
        triedMobile: spec.triedMobile)
}

// MARK: - Setting up

/// Creates the database (failing if a file is there: the benchmark wants a fresh one) with the staff.
func createDesk(path: String, staff: Int, at now: Date) throws -> DeskStore {
    if FileManager.default.fileExists(atPath: path) {
        throw DeskError(.badInput, "\(path) already exists; remove it first (the benchmark starts from a fresh database)")
    }
    let store = try DeskStore.open(path: path, mode: .create, now: now)
    try store.inOneTransaction {
        try store.addStaff(NewStaff(handle: operatorHandle, displayName: "受付 一郎", role: .operator),
                           actor: "setup", at: now)
        for index in 0..<staff {
            try store.addStaff(NewStaff(handle: staffHandle(index), displayName: "社員" + zeroPadded(index + 1, 4)),
                               actor: "setup", at: now)
        }
    }
    return store
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

func formatted(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

// MARK: - insert

/// The start of the insert sequence's clock (2026-06-01T00:00:00Z) and its step: one call every 15 s.
let insertClockStart = 1_780_272_000
let insertClockStep = 15

func runInsert(path: String, count: Int, staff: Int) throws {
    let setupTime = Date(timeIntervalSince1970: TimeInterval(insertClockStart - 86_400))
    let store = try createDesk(path: path, staff: staff, at: setupTime)
    // The inputs are made before the clock starts: only the library's work is timed.
    var random = SplitMix64(state: 2)
    let callers = max(1, count * 6 / 10)
    var messages: [NewMessage] = []
    messages.reserveCapacity(count)
    for index in 0..<count {
        messages.append(try newMessage(CallSpec.next(&random, callers: callers, staff: staff), index: index))
    }
    var joined = 0
    let elapsed = try ContinuousClock().measure {
        try store.inOneTransaction {
            for (index, message) in messages.enumerated() {
                let now = Date(timeIntervalSince1970: TimeInterval(insertClockStart + index * insertClockStep))
                if try store.takeMessage(message, actor: actorHandle, at: now).joined { joined += 1 }
            }
        }
    }
    let time = seconds(elapsed)
    print("messages=\(count) joined=\(joined) seconds=\(formatted(time, 3)) rate=\(formatted(Double(count) / time, 0))")
}

// MARK: - seed

func runSeed(path: String, messageCount: Int, staff: Int, callers: Int) throws {
    let started = ContinuousClock.now
    // The history ends today: one call a minute, back from midnight UTC.
    let today = Int(Date().timeIntervalSince1970) / 86_400 * 86_400
    let clockStart = today - messageCount * 60
    let store = try createDesk(path: path, staff: staff,
                               at: Date(timeIntervalSince1970: TimeInterval(clockStart - 86_400)))
    guard messageCount > 0 else {
        print("messages=0 staff=\(staff)")
        return
    }
    // A bigger page cache only for building the file faster; `desk` itself runs with the default.
    try store.usePageCache(kibibytes: 262_144)

    var random = SplitMix64(state: 1)
    let liveTarget = staff * 30
    var open: [Int] = []          // callbacks opened and not yet closed, oldest first
    var head = 0
    var closed = 0
    let batch = 10_000
    var index = 0
    while index < messageCount {
        let end = min(messageCount, index + batch)
        try store.inOneTransaction {
            while index < end {
                let now = Date(timeIntervalSince1970: TimeInterval(clockStart + index * 60))
                let spec = CallSpec.next(&random, callers: callers, staff: staff)
                let taken = try store.takeMessage(try newMessage(spec, index: index), actor: actorHandle, at: now)
                if !taken.joined {
                    open.append(taken.callback.id)
                    // Three in ten are acknowledged by their owner straight away.
                    if random.next() % 10 < 3 {
                        try store.acknowledge(taken.callback.id, actor: staffHandle(spec.ownerIndex), at: now)
                    }
                }
                // The oldest owed callbacks get made: done, or now and then cancelled.
                while open.count - head > liveTarget {
                    let id = open[head]
                    head += 1
                    let callback = try store.callback(id: id)
                    if random.next() % 50 == 0 {
                        try store.cancel(id, reason: "duplicate", actor: callback.owner, at: now)
                    } else {
                        try store.complete(id, note: "called back", actor: callback.owner, at: now)
                    }
                    closed += 1
                }
                index += 1
            }
        }
        if head > 100_000 {   // keep the queue small
            open.removeFirst(head)
            head = 0
        }
    }
    try store.checkpointAll()
    let (callbacks, live) = try store.callbackCounts()
    let time = seconds(ContinuousClock.now - started)
    print("messages=\(messageCount) callbacks=\(callbacks) live=\(live) closed=\(closed) seconds=\(formatted(time, 1))")
}

// MARK: - Command line

func fail(_ message: String, code: Int32 = 1) -> Never {
    // write(2), not FileHandle (which traps on a closed descriptor); if stderr is gone, the exit code still tells.
    let line = Array("desk-bench: error: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(code)
}

let usage = """
    usage: desk-bench insert PATH COUNT [STAFF]
           desk-bench seed PATH MESSAGES STAFF [CALLERS]
           desk-bench office CALLS [OPERATORS]
           desk-bench year PATH DAYS SALESPEOPLE [OPERATORS]
           desk-bench callback-query
           desk-bench holidays FROM TO
           desk-bench calendar ROUNDS
    """

func positive(_ text: String, _ name: String, allowZero: Bool = false) -> Int {
    guard let value = Int(text), value > 0 || (allowZero && value == 0) else {
        fail("\(name) must be a \(allowZero ? "non-negative" : "positive") integer, not '\(text)'\n\(usage)", code: 64)
    }
    return value
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "insert":
        guard (3...4).contains(arguments.count) else { fail(usage, code: 64) }
        let staff = arguments.count == 4 ? positive(arguments[3], "STAFF") : 20
        try runInsert(path: arguments[1], count: positive(arguments[2], "COUNT"), staff: staff)
    case "seed" where (4...5).contains(arguments.count):
        let messages = positive(arguments[2], "MESSAGES", allowZero: true)
        let staff = positive(arguments[3], "STAFF")
        let callers = arguments.count == 5 ? positive(arguments[4], "CALLERS") : max(1, messages * 3 / 10)
        try runSeed(path: arguments[1], messageCount: messages, staff: staff, callers: callers)
    case "callback-query" where arguments.count == 1:
        // What `desk callbacks --for HANDLE` runs: a `?` for the account, then one for the owner.
        print(DeskStore.callbackListQuery(CallbackFilter(owner: "HANDLE")))
    case "office" where (2...3).contains(arguments.count):
        runOffice(calls: positive(arguments[1], "CALLS"),
                  operators: arguments.count == 3 ? positive(arguments[2], "OPERATORS") : 14)
    case "year":
        guard (4...5).contains(arguments.count) else { fail(usage, code: 64) }
        try runYear(path: arguments[1], days: positive(arguments[2], "DAYS"), salespeople: positive(arguments[3], "SALESPEOPLE"),
                    operators: arguments.count == 5 ? positive(arguments[4], "OPERATORS", allowZero: true) : 20)
    case "holidays" where arguments.count == 3:
        runHolidays(from: positive(arguments[1], "FROM"), through: positive(arguments[2], "TO"))
    case "calendar" where arguments.count == 2:
        runCalendar(rounds: positive(arguments[1], "ROUNDS"))
    default:
        fail(usage, code: 64)
    }
} catch let error as DeskError {
    fail(error.message, code: error.exitCode)
} catch {
    fail("\(error)")
}
