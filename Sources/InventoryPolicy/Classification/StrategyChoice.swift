public import InventoryCore

/// The procurement strategy of an item-location and why.
public struct StrategyChoice: Hashable, Sendable {
    /// The strategy.
    public var strategy: ProcurementStrategy
    /// How it was chosen.
    public var reason: String

    /// Creates a choice.
    public init(strategy: ProcurementStrategy, reason: String) {
        self.strategy = strategy
        self.reason = reason
    }

    /// The strategy per ``StrategySettings``: the supply agreement wins (consignment or VMI
    /// sourcing), then the lifecycle (obsolete → no replenishment; phase-out → buy to order only),
    /// then the cell's mapping.
    ///
    /// - Parameter agreement: ownership of the primary supplier's deliveries, if sourced.
    public init(cell: ABCXYZCell, lifecycle: Lifecycle, agreement: Ownership?, settings: StrategySettings) {
        if lifecycle == .obsolete {
            self.init(strategy: .noReplenishment, reason: "obsolete item: run down, no replenishment")
            return
        }
        if lifecycle == .phaseOut {
            self.init(strategy: .buyToOrder, reason: "phase-out item: buy only against confirmed demand")
            return
        }
        switch agreement {
        case .consignment:
            self.init(strategy: .consignment, reason: "sourced on consignment")
            return
        case .vmi:
            self.init(strategy: .vmi, reason: "supplier-managed (VMI agreement)")
            return
        default:
            break
        }
        let strategy = settings.byCell[cell] ?? StrategySettings.defaultByCell[cell] ?? .reorderPoint
        self.init(strategy: strategy, reason: "\(cell) mapping")
    }
}
