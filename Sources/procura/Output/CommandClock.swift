import InventoryCore

/// The command line's one clock: every command that needs "today" (the default posting date, the
/// posting-date window, a default as-of date) or opens a store asks it, never the system directly.
enum CommandClock {
    /// The system's clock (UTC).
    static let current: any WallClock = SystemClock()
}
