public import InventoryCore
import Synchronization

/// A ``InventoryCore/ProgressReporter`` that keeps every update, for tests of progress reporting.
public final class RecordingProgress: ProgressReporter {
    private let updates = Mutex<[ProgressUpdate]>([])

    /// Creates an empty recorder.
    public init() {}

    public func report(_ update: ProgressUpdate) {
        updates.withLock { $0.append(update) }
    }

    /// Every update, in the order reported.
    public var all: [ProgressUpdate] { updates.withLock { $0 } }

    /// The last update of a step.
    public func last(step: String) -> ProgressUpdate? { all.last { $0.step == step } }

    /// The steps, in the order they first reported.
    public var steps: [String] {
        var seen: [String] = []
        for update in all where !seen.contains(update.step) { seen.append(update.step) }
        return seen
    }
}
