/// Where an item stands in its life: planned differently at each stage.
public enum Lifecycle: String, Sendable, CaseIterable, Codable {
    /// Normal replenishment.
    case active
    /// Recently introduced: little history, forecasts lean on estimates.
    case new
    /// Being replaced (see the successor): run stock down, no speculative buys.
    case phaseOut = "phase_out"
    /// No longer used: no replenishment; stock is a disposition candidate.
    case obsolete
}
