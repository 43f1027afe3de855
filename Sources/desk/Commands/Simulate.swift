import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk simulate`: days of call traffic through the real desk, reported in call-centre terms.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulate business days of calls, the office line and callbacks, through the real desk database.",
            discussion: """
                Clients call salespeople's mobiles; unanswered callers call the office (63% in the survey, more when \
                urgent), retry, or wait; operators take messages into the database given by --db (':memory:' for a \
                throw-away run), the escalation sweep runs on the simulated clock, and salespeople return callbacks by \
                priority. The same seed and parameters give the same report and the same database.
                --compare NAME=V1,V2,… runs the same traffic once per value (each in its own in-memory database) and \
                prints the scenarios side by side; operators=0 is an office with no desk.
                Parameters (NAME=default: meaning and source), for --set, --compare and --scenario files \
                (a JSON object of NAME: value):
                \(SimulationParameter.all.map { "  \($0.name)=\($0.value(in: SimulationConfiguration())): \($0.summary)" }
                    .joined(separator: "\n"))
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Business days to simulate (default 5).")
        var days: Int?
        @Option(help: "Salespeople (default 10).")
        var salespeople: Int?
        @Option(help: "Operators on the office line; 0 = no desk (default 2).")
        var operators: Int?
        @Option(help: "The seed of every random choice (default 1).")
        var seed: UInt64?
        @Option(help: ArgumentHelp("The first simulated day: the first business day at or after this (default: today).",
                                   valueName: "time"))
        var start: String?
        @Option(name: .customLong("set"), help: ArgumentHelp("Set any parameter listed below (repeatable).",
                                                             valueName: "name=value"))
        var assignments: [String] = []
        @Option(help: ArgumentHelp("Read parameters from a JSON object of NAME: value.", valueName: "file"))
        var scenario: String?
        @Option(help: ArgumentHelp("Run once per value and compare, e.g. operators=0,1,2,3.", valueName: "name=v1,v2,…"))
        var compare: String?

        func validate() throws {
            if let compare {
                guard let equals = compare.firstIndex(of: "="), SimulationParameter.named(String(compare[..<equals])) != nil,
                      !compare[compare.index(after: equals)...].isEmpty else {
                    throw ValidationError("--compare wants NAME=V1,V2,… with a parameter listed in `desk simulate --help`, e.g. operators=1,2,3")
                }
            }
        }

        func run() throws {
            let context = try DeskContext.open(global, mode: .create)
            let configuration = try makeConfiguration()
            let startTime = try start.map { try context.time($0, option: "--start") } ?? context.now
            let calendar = context.calendar
            if let compare {
                try runComparison(compare, base: configuration, start: startTime, calendar: calendar)
                return
            }
            let progress = ProgressLine(total: configuration.days)
            let report = try DaySimulation(configuration: configuration, start: startTime)
                .run(into: context.store) { day, total in progress.show(day, of: total) }
            progress.finish()
            if output.json {
                Output.line(SimulationOutput.json(report, calendar: calendar).rendered(pretty: true))
            } else {
                Output.print(SimulationOutput.text(report, calendar: calendar))
            }
        }

        /// Defaults, then the scenario file, then --set, then the named flags.
        func makeConfiguration() throws -> SimulationConfiguration {
            var configuration = SimulationConfiguration()
            do {
                if let scenario {
                    for assignment in try Self.scenarioAssignments(path: scenario) {
                        try SimulationParameter.apply(assignment, to: &configuration)
                    }
                }
                for assignment in assignments { try SimulationParameter.apply(assignment, to: &configuration) }
                if let days { try SimulationParameter.apply("days=\(days)", to: &configuration) }
                if let salespeople { try SimulationParameter.apply("salespeople=\(salespeople)", to: &configuration) }
                if let operators { try SimulationParameter.apply("operators=\(operators)", to: &configuration) }
                if let seed { configuration.seed = seed }
            } catch let error as InputError {
                throw DeskError(.badInput, error.message)
            }
            return configuration
        }

        /// A scenario file's members as NAME=VALUE, in the file's key order sorted by name (JSON objects have no order).
        static func scenarioAssignments(path: String) throws -> [String] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DeskError(.io, "cannot read the scenario file \(path); check the path")
            }
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw DeskError(.badInput, "\(path) is not a JSON object of parameter names and values, e.g. {\"operators\": 3}")
            }
            return object.keys.sorted().map { key in
                let value = object[key]
                if let text = value as? String { return "\(key)=\(text)" }
                if let number = value as? NSNumber { return "\(key)=\(number.stringValue)" }
                return "\(key)=\(String(describing: value))"
            }
        }

        func runComparison(_ compare: String, base: SimulationConfiguration, start: Date, calendar: BusinessCalendar) throws {
            let parts = compare.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            let values = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var reports: [SimulationReport] = []
            for value in values {
                var configuration = base
                do {
                    try SimulationParameter.apply("\(name)=\(value)", to: &configuration)
                } catch {
                    throw DeskError(.badInput, error.message)
                }
                let store = try DeskStore.open(path: ":memory:", mode: .create, now: start)
                reports.append(try DaySimulation(configuration: configuration, start: start).run(into: store))
            }
            if output.json {
                Output.line(JSONValue.object([
                    ("compare", .string(name)),
                    ("scenarios", .array(zip(values, reports).map { value, report in
                        .object([("value", .string(value)), ("report", SimulationOutput.json(report, calendar: calendar))])
                    })),
                ]).rendered(pretty: true))
            } else {
                Output.print(SimulationOutput.comparison(name: name, values: values, reports: reports))
            }
        }
    }
}

/// "simulating day 3/20" on stderr, rewritten in place — only when stderr is a terminal, so logs and pipes stay clean.
struct ProgressLine {
    let enabled: Bool
    init(total: Int) { enabled = isatty(STDERR_FILENO) == 1 && total > 1 }

    func show(_ day: Int, of total: Int) {
        guard enabled else { return }
        let width = 30
        let filled = width * day / max(total, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\rsimulating \(bar) day \(day)/\(total)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
