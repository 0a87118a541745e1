/// Which bound, if any, changed the safety stock.
///
/// Safety stock is never below 0, never above `policy.max_safety_stock_days` days of average demand,
/// and never above the demand of the shelf life (stock that would expire protects nothing).
public enum SafetyStockCap: String, Hashable, Sendable, CaseIterable, Codable {
    /// Within bounds.
    case none
    /// The method gave a negative safety stock (a low target or a fill rate with a large lot); 0 used.
    case floor
    /// Capped at the maximum days of supply.
    case maximumDays = "max_days"
    /// Capped at the shelf life's demand.
    case shelfLife = "shelf_life"
}
