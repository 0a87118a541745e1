/// Kraljic's purchasing portfolio: spend (profit impact) against supply risk.
///
/// Kraljic (1983), "Purchasing must become supply management", *Harvard Business Review* 61(5), 109–117.
public enum SupplierSegment: String, Sendable, CaseIterable, Codable {
    /// High spend, high supply risk: partnership, long-term contracts.
    case strategic
    /// High spend, low supply risk: use buying power, tender.
    case leverage
    /// Low spend, high supply risk: secure supply, buffer stock, find alternatives.
    case bottleneck
    /// Low spend, low supply risk: simplify, automate, bundle.
    case nonCritical = "non_critical"
}
