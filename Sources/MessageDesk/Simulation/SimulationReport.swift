import Foundation

/// The result of `DaySimulation`: figures per day and in total, with queueing theory's view of the same office.
public struct SimulationReport: Sendable, Equatable {
    /// The parameters the run used.
    public let configuration: SimulationConfiguration
    /// The first instant of each simulated business day (its opening).
    public let dayOpenings: [Date]
    /// Figures per business day, in order.
    public let days: [SimulationFigures]
    /// Figures over the whole run.
    public let total: SimulationFigures
    /// Erlang C at the run's average offered load, with the configured operators and handling time.
    public let erlangC: ErlangC
    /// Erlang A at the same load, with the configured patience on hold.
    public let erlangA: ErlangA
}
