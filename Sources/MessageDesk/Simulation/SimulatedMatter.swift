/// One client's matter: why they call, from the first ring to a callback or a lost deal.
struct SimulatedMatter {
    let salesperson: Int
    let client: Int
    let urgent: Bool
    let typeOne: Bool
    /// The business second the caller's patience for a callback ends.
    let deadline: Double
    /// The matter's own random stream: its decisions do not depend on what else happens.
    var random: SeededGenerator
    var mobileRetries = 0
    var callbackID: Int?
}
