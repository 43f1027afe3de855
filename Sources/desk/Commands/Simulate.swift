import ArgumentParser
import Foundation
import MessageDesk

extension Desk {
    /// `desk simulate`: days of call traffic through the real desk, reported in call-centre terms.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulate business days of calls, the office line and callbacks, through the real library into a database of its own.",
            discussion: """
                Clients call salespeople's mobiles; unanswered callers call the office (63% in the survey, more when \
                urgent), retry, or wait; operators take messages into the simulation database, the escalation sweep \
                runs on the simulated clock, and salespeople return callbacks by priority. The same seed and \
                parameters give the same report and the same database.
                The simulation database is $XDG_DATA_HOME/messagedesk/simulation.sqlite \
                (~/.local/share/messagedesk/simulation.sqlite), or --db; never $DESK_DB, the real desk. Each run \
                replaces it whole, and it is marked as a simulation: desk simulate refuses a real desk (exit 65), even \
                an empty one, and any file it did not make. Browse it with desk callbacks --db PATH and the rest.
                --compare NAME=V1,V2,… runs the same traffic once per value (each in its own in-memory database) and \
                prints the scenarios side by side; operators=0 is an office with no desk.
                Parameters (NAME=default: meaning and source), for --set, --compare and --scenario files \
                (a JSON object of NAME: value):
                \(SimulationParameter.all.map { "  \($0.name)=\($0.value(in: SimulationConfiguration())): \($0.summary)" }
                    .joined(separator: "\n"))
                """)

        @Option(name: .long, help: ArgumentHelp(
            "The simulation database, replaced by each run (default: $XDG_DATA_HOME/messagedesk/simulation.sqlite, "
                + "never $DESK_DB); ':memory:' keeps nothing.", valueName: "path"))
        var db: String?
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
            let environment = ProcessInfo.processInfo.environment
            let now = try DeskContext.clock(environment)
            let configuration = try makeConfiguration()
            if let compare {
                let context = try simulationContext(SimulationDatabase.create(path: ":memory:", now: now), now, environment)
                try runComparison(compare, base: configuration, start: startTime(context), calendar: context.calendar)
                return
            }
            let standard = try DeskContext.simulationDatabasePath(environment)
            let path = db.flatMap { $0.isEmpty ? nil : $0 } ?? standard
            let (report, calendar) = try SimulationDatabase.replacing(
                path, now: now, suggesting: standard, busyTimeoutMilliseconds: try DeskContext.busyTimeout(environment)
            ) { store in
                let context = simulationContext(store, now, environment)
                let progress = ProgressLine(total: configuration.days)
                defer { progress.finish() }
                let report = try DaySimulation(configuration: configuration, start: startTime(context))
                    .run(into: store) { day, total in progress.show(day, of: total) }
                return (report, context.calendar)
            }
            if path != ":memory:" { SavedChanges.record(.simulation(database: path)) }
            if output.json {
                Output.line(SimulationOutput.json(report, calendar: calendar, database: path).rendered(pretty: true))
            } else {
                Output.print(SimulationOutput.text(report, calendar: calendar))
                if path != ":memory:" {
                    let shown = TerminalText.sanitized(path)
                    Output.line("\nsimulated desk: \(shown) (browse it with desk callbacks --db \(shown); the next desk simulate replaces it)")
                }
            }
        }

        /// A new simulation database as a command's context; the simulator records its own actors.
        func simulationContext(_ store: DeskStore, _ now: Date, _ environment: [String: String]) -> DeskContext {
            DeskContext(store: store, now: now, actor: "simulator", environment: environment)
        }

        /// --start in the simulation's business zone, else now.
        func startTime(_ context: DeskContext) throws -> Date {
            try start.map { try context.time($0, option: "--start") } ?? context.now
        }

        /// Defaults, then the scenario file, then --set, then the named flags.
        func makeConfiguration() throws -> SimulationConfiguration {
            var configuration = SimulationConfiguration()
            do {
                if let scenario {
                    for assignment in try SimulationScenario.assignments(inFile: scenario) {
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
                let store = try SimulationDatabase.create(path: ":memory:", now: start)
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
        Output.error("\rsimulating \(bar) day \(day)/\(total)")
    }

    func finish() {
        guard enabled else { return }
        Output.error("\r\u{1B}[K")
    }
}
