/// What a service-level target means.
///
/// Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*, 4th ed. (2017),
/// §6.6: the cycle service level (P₁, type 1) is the probability of no stock-out in a replenishment
/// cycle; the fill rate (P₂, type 2) is the fraction of demand met directly from stock.
public enum ServiceMeasure: String, Sendable, CaseIterable, Codable {
    /// P₁: probability of no stock-out per replenishment cycle.
    case cycleServiceLevel = "cycle_service_level"
    /// P₂: fraction of demand met from stock on hand.
    case fillRate = "fill_rate"
}
