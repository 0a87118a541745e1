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
/// gets that strategy; phase-out and obsolete items get `no_replenishment`. Just-in-time needs
/// dependable supply: with ``jitNeedsReliableSupply`` (default on) a `jit_kanban` cell whose
/// primary supplier is in a high-risk Kraljic segment (bottleneck or strategic) gets
/// `reorder_point` instead, which holds a safety stock.
public struct StrategySettings: Hashable, Sendable {
    /// Strategy per cell.
    public var byCell: [ABCXYZCell: ProcurementStrategy]

    /// The default mapping in the table above.
    public static let defaultByCell: [ABCXYZCell: ProcurementStrategy] = [
        ABCXYZCell(.a, .x): .jitKanban, ABCXYZCell(.a, .y): .reorderPoint, ABCXYZCell(.a, .z): .buyToOrder,
        ABCXYZCell(.b, .x): .reorderPoint, ABCXYZCell(.b, .y): .reorderPoint, ABCXYZCell(.b, .z): .periodicReview,
        ABCXYZCell(.c, .x): .speculativeBuy, ABCXYZCell(.c, .y): .speculativeBuy, ABCXYZCell(.c, .z): .periodicReview,
    ]

    /// Whether a `jit_kanban` cell falls back to `reorder_point` when its primary supplier is a
    /// bottleneck or strategic (high supply risk) one (default on).
    public var jitNeedsReliableSupply: Bool

    /// The defaults.
    public init(byCell: [ABCXYZCell: ProcurementStrategy] = StrategySettings.defaultByCell, jitNeedsReliableSupply: Bool = true) {
        self.byCell = byCell
        self.jitNeedsReliableSupply = jitNeedsReliableSupply
    }
}
