/// What can be done with an excess lot (docs/disposition.md, "Options and their value").
public enum DispositionOption: String, Sendable, Hashable, CaseIterable, Codable {
    /// Send it back to the supplier, who refunds the cost less a restocking fee.
    case returnToSupplier = "return"
    /// Sell it (or auction it) for the expected recovery.
    case sell
    /// Move it to a location that has demand for it: its value is kept, less the transfer cost.
    case transfer
    /// Destroy it, at the scrap cost.
    case scrap

    /// The option's name in sentences ("return to supplier", …).
    public var label: String {
        switch self {
        case .returnToSupplier: return "return to supplier"
        case .sell: return "sell / auction"
        case .transfer: return "transfer to a location with demand"
        case .scrap: return "scrap"
        }
    }
}
