// desk-bench office / year: the simulator's side of Scripts/simulator-benchmark.sh (issue 6). Not a test.

import Foundation
import MessageDesk

/// The office-queue engine alone: an M/M/c queue at A = 10 Erlangs (100 calls per 30 min, 180 s handling),
/// 14 operators, infinite patience, CALLS calls from seed 1. Prints the rate and the figures, so the SimPy
/// model in the same script can be checked against the same numbers.
func runOffice(calls: Int, operators: Int) {
    let run = MarkovianOfficeRun(arrivalRate: 100.0 / 1800.0, meanHandlingTime: 180, operators: operators,
                                 calls: calls, warmUp: 0)
    let started = ContinuousClock.now
    let statistics = run.run(seed: 1)
    let time = seconds(ContinuousClock.now - started)
    let theory = ErlangC(arrivalRate: 100.0 / 1800.0, meanHandlingTime: 180, agents: operators)
    print("calls=\(calls) seconds=\(formatted(time, 3)) rate=\(Int(Double(calls) / time)) "
          + "p_wait=\(formatted(statistics.probabilityOfWaiting, 4)) asa=\(formatted(statistics.averageSpeedOfAnswer, 2)) "
          + "erlang_c_p_wait=\(formatted(theory.probabilityOfWaiting, 4)) erlang_c_asa=\(formatted(theory.averageSpeedOfAnswer, 2))")
}

/// A whole simulation into an on-disk database: DAYS business days of SALESPEOPLE salespeople with the
/// defaults otherwise. Prints the time and the resident memory after the first tenth of the days and at the end.
func runYear(path: String, days: Int, salespeople: Int, operators: Int) throws {
    var configuration = SimulationConfiguration()
    configuration.days = days
    configuration.salespeople = salespeople
    configuration.operators = operators
    let start = Date(timeIntervalSince1970: 1_795_359_600)  // 2026-11-23T00:00:00+09:00, a Monday
    let store = try DeskStore.open(path: path, mode: .create, now: start)
    var early = 0
    let started = ContinuousClock.now
    let report = try DaySimulation(configuration: configuration, start: start).run(into: store) { day, total in
        if day == max(1, total / 10) { early = residentKilobytes() }
    }
    let time = seconds(ContinuousClock.now - started)
    print("days=\(days) salespeople=\(salespeople) seconds=\(formatted(time, 1)) "
          + "messages=\(report.total.office.answered) callbacks_done=\(report.total.callbacksDone) "
          + "rss_kb_at_10pct=\(early) rss_kb_at_end=\(residentKilobytes())")
}

/// VmRSS from /proc/self/status, in kB (0 where there is no /proc).
func residentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}
