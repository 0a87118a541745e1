/// Procurement strategy per ABC-XYZ cell.
///
/// Default mapping (after the ABC-XYZ procurement matrix of Schuh & Stich, *Logistikmanagement*,
/// and common MRO practice):
///
/// |   | X | Y | Z |
/// |---|---|---|---|
/// | A | jit_kanban | reorder_point | buy_to_order |
/// | B | reorder_point | reorder_point | periodic_review |
/// | C | speculative_buy | speculative_buy | periodic_review |
///
/// The supply agreement wins over the mapping: an item-location sourced on consignment or VMI
/// gets that strategy; phase-out and obsolete items get `no_replenishment`.
public struct StrategySettings: Hashable, Sendable {
    /// Strategy per cell.
    public var byCell: [ABCXYZCell: ProcurementStrategy]

    /// The default mapping in the table above.
    public static let defaultByCell: [ABCXYZCell: ProcurementStrategy] = [
        ABCXYZCell(.a, .x): .jitKanban, ABCXYZCell(.a, .y): .reorderPoint, ABCXYZCell(.a, .z): .buyToOrder,
        ABCXYZCell(.b, .x): .reorderPoint, ABCXYZCell(.b, .y): .reorderPoint, ABCXYZCell(.b, .z): .periodicReview,
        ABCXYZCell(.c, .x): .speculativeBuy, ABCXYZCell(.c, .y): .speculativeBuy, ABCXYZCell(.c, .z): .periodicReview,
    ]

    /// The defaults.
    public init(byCell: [ABCXYZCell: ProcurementStrategy] = StrategySettings.defaultByCell) {
        self.byCell = byCell
    }
}
