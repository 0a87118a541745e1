import Synchronization

/// Counts work done by concurrent chunks of one step and reports it to a ``ProgressReporter`` about
/// once per percent, so a million item-locations make a hundred reports, not a million.
public final class ProgressCounter: Sendable {
    private let reporter: any ProgressReporter
    private let step: String
    private let unit: String
    private let total: Int
    private let every: Int
    private let done = Atomic<Int>(0)

    /// Starts counting `total` units of `step` (and reports the start).
    public init(_ reporter: any ProgressReporter, step: String, total: Int, unit: String) {
        self.reporter = reporter
        self.step = step
        self.unit = unit
        self.total = total
        self.every = max(1, total / 100)
        reporter.report(ProgressUpdate(step: step, completed: 0, total: total, unit: unit))
    }

    /// Adds `count` units done; reports when a percent boundary is crossed or the step completes.
    public func add(_ count: Int) {
        guard count > 0 else { return }
        let after = done.add(count, ordering: .relaxed).newValue
        let before = after - count
        if after / every != before / every || after == total {
            reporter.report(ProgressUpdate(step: step, completed: after, total: total, unit: unit))
        }
    }
}
