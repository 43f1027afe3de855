import Foundation

/// The result of `DaySimulation`: figures per day and in total, with queueing theory's view of the same office.
public struct SimulationReport: Sendable, Equatable {
    /// The parameters the run used.
    public let configuration: SimulationConfiguration
    /// The first instant of each simulated business day (its opening), in order.
    public let dayOpenings: [Date]
    /// The closing of each simulated business day: each day has its own hours.
    public let dayClosings: [Date]
    /// The days the office's calendar closes (年末年始, a closure) from the day of the run's start through its
    /// last day, which the run skipped; the weekly rest days are not listed.
    public let closedDays: [CalendarDay]
    /// Figures per business day, in order.
    public let days: [SimulationFigures]
    /// Figures over the whole run.
    public let total: SimulationFigures
    /// Erlang C at the run's average offered load, with the configured operators and handling time.
    public let erlangC: ErlangC
    /// Erlang A at the same load, with the configured patience on hold.
    public let erlangA: ErlangA
    /// Each day's business hours from its opening, in order, as many as it is open (a part hour counts as one):
    /// what a chart of the day shows.
    public let hours: [[SimulationHour]]
}

/// One business hour of the simulation.
public struct SimulationHour: Sendable, Equatable {
    /// The most callbacks owed at once during the hour (those this run opened).
    public var callbacksWaiting = 0
    /// Operator-seconds spent on calls during the hour.
    public var operatorBusySeconds = 0.0
    /// Calls offered to the office during the hour.
    public var officeCalls = 0

    /// An empty hour.
    public init() {}
}
