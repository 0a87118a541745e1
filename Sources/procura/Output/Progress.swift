import InventoryCore
import Synchronization

/// The progress line on standard error while a long step runs — shown only when standard error is
/// a terminal and the command was not given `--quiet`: `policies: 45 % (450,000 of 1,000,000
/// item-locations)`, redrawn at most ten times a second and cleared when the command finishes.
final class TerminalProgress: ProgressReporter {
    /// Whether anything is drawn.
    let enabled: Bool
    private let state = Mutex<(lastDrawn: ContinuousClock.Instant?, shown: Bool)>((nil, false))

    /// A progress line (or none: `quiet`, or standard error is not a terminal).
    init(quiet: Bool) {
        self.enabled = !quiet && StandardStreams.errorIsTerminal
    }

    func report(_ update: ProgressUpdate) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let finished = update.total.map { update.completed >= $0 } ?? false
        let draw = state.withLock { state -> Bool in
            // A new step or the end of one always draws; otherwise at most every 100 ms.
            if let last = state.lastDrawn, update.completed != 0, !finished, now - last < .milliseconds(100) { return false }
            state.lastDrawn = now
            state.shown = true
            return true
        }
        if draw { StandardStreams.error("\r" + Self.line(update) + "\u{1B}[K") }
    }

    /// Clears the line (before the command prints its result).
    func clear() {
        guard enabled, state.withLock({ $0.shown }) else { return }
        StandardStreams.error("\r\u{1B}[K")
    }

    /// The text of one update.
    static func line(_ update: ProgressUpdate) -> String {
        var text = update.step
        let unit = update.unit.isEmpty ? "" : " " + update.unit
        if let total = update.total, let fraction = update.fraction {
            text +=
                ": \(Int((fraction * 100).rounded(.down))) % (\(NumberFormat.grouped(Double(update.completed))) of \(NumberFormat.grouped(Double(total)))\(unit))"
        } else if update.completed > 0 {
            text += ": \(NumberFormat.grouped(Double(update.completed)))\(unit)"
        } else {
            text += "…"
        }
        return text
    }
}

/// Progress as log lines on standard error, one per update (`--progress` of `import` and `post`:
/// `posting 15000/30000 (uncommitted)`), for scripts and for watching a long write.
struct LineProgress: ProgressReporter {
    /// Appended to each line (`(uncommitted)` inside a transaction).
    var suffix: String

    func report(_ update: ProgressUpdate) {
        var line = update.step
        if let total = update.total {
            line += " \(update.completed)/\(total)"
        } else if update.completed > 0 {
            line += " \(update.completed)"
        }
        StandardStreams.error(line + (suffix.isEmpty ? "" : " " + suffix) + "\n")
    }
}
