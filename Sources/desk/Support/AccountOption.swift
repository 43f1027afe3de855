import ArgumentParser

/// `--account CODE`: whose data a command reads or writes, for the commands that touch a client's data.
struct AccountOption: ParsableArguments {
    @Option(name: .customLong("account"), help: ArgumentHelp(
        "The client account (default: $DESK_ACCOUNT, else the desk's only open account).", valueName: "code"),
        completion: DeskCompletion.accountCodes)
    var code: String?

    /// --account, else $DESK_ACCOUNT; nil when neither is given.
    func chosen(_ environment: [String: String]) -> String? {
        if let code, !code.isEmpty { return code }
        if let code = environment["DESK_ACCOUNT"], !code.isEmpty { return code }
        return nil
    }
}
