/// How far a long step has come: what it is doing, how much of how much.
public struct ProgressUpdate: Sendable, Equatable {
    /// The step, in words a user reads (`classification`, `policies`, `demand.csv`, …).
    public var step: String
    /// Units of work done in this step.
    public var completed: Int
    /// Units of work in this step, when known.
    public var total: Int?
    /// What a unit is (`item-locations`, `rows`).
    public var unit: String

    /// Creates an update.
    public init(step: String, completed: Int = 0, total: Int? = nil, unit: String = "") {
        self.step = step
        self.completed = completed
        self.total = total
        self.unit = unit
    }

    /// The share done, 0 … 1, when the total is known.
    public var fraction: Double? {
        guard let total else { return nil }
        return total > 0 ? min(1, Double(completed) / Double(total)) : 1
    }
}

/// Receives progress from long computations (import, plan, forecast, accuracy): the one way they
/// report how far they are. The command line draws a line on a terminal, the web app updates
/// the plan job; a computation never prints.
///
/// `report` may be called from several tasks at once (chunks of a plan run): implementations are
/// thread-safe and cheap — computations report at most about a hundred times a step.
public protocol ProgressReporter: Sendable {
    /// Called when a step starts (`completed` 0) and as it advances.
    func report(_ update: ProgressUpdate)
}

/// Drops every update: the default where nobody watches.
public struct SilentProgress: ProgressReporter {
    /// Creates the silent reporter.
    public init() {}
    public func report(_ update: ProgressUpdate) {}
}
