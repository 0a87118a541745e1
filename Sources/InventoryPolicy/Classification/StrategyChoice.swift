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
    /// - Parameters:
    ///   - agreement: ownership of the primary supplier's deliveries, if sourced.
    ///   - supplierSegment: the primary supplier's Kraljic segment, if sourced: a bottleneck or
    ///     strategic supplier turns `jit_kanban` into `reorder_point`
    ///     (``StrategySettings/jitNeedsReliableSupply``).
    public init(
        cell: ABCXYZCell, lifecycle: Lifecycle, agreement: Ownership?, supplierSegment: SupplierSegment? = nil,
        settings: StrategySettings
    ) {
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
        if strategy == .jitKanban, settings.jitNeedsReliableSupply, let segment = supplierSegment,
            segment == .bottleneck || segment == .strategic
        {
            self.init(
                strategy: .reorderPoint,
                reason:
                    "\(cell) mapping: jit_kanban; \(segment.rawValue) supplier (high supply risk): reorder_point with safety stock instead"
            )
            return
        }
        self.init(strategy: strategy, reason: "\(cell) mapping")
    }
}
