import MessageDesk

/// The handle someone says they act as, and where they said it: `--as` wins over `DESK_USER`.
struct ActorClaim {
    enum Source { case option, environment }

    let handle: String
    let source: Source

    /// `--as`, else a non-empty `DESK_USER`, else nil.
    init?(_ options: GlobalOptions, _ environment: [String: String]) {
        if let handle = options.actor {
            (self.handle, source) = (handle, .option)
        } else if let handle = environment["DESK_USER"], !handle.isEmpty {
            (self.handle, source) = (handle, .environment)
        } else {
            return nil
        }
    }

    /// The refusal of a change made as someone the desk does not know, naming where the name came from.
    var notOnTheStaffList: DeskError {
        let fix = "add them with `desk staff add \(handle) --name NAME`"
        switch source {
        case .option:
            return DeskError(.badInput, "--as \(handle): not on the staff list, so the change cannot be recorded as theirs; \(fix), or give a handle from `desk staff list`")
        case .environment:
            return DeskError(.badInput, "DESK_USER=\(handle) is not on the staff list, so the change cannot be recorded as theirs; \(fix), set DESK_USER to a handle from `desk staff list`, or unset it")
        }
    }
}
