/// How an item is procured: follows from its class (value × variability), criticality and the
/// supply agreement.
public enum ProcurementStrategy: String, Sendable, CaseIterable, Codable {
    /// Frequent small call-offs against a frame contract, pull signals (kanban): steady, valuable items.
    case jitKanban = "jit_kanban"
    /// Continuous review with a reorder point and safety stock.
    case reorderPoint = "reorder_point"
    /// Periodic review to an order-up-to level (min/max), consolidated by supplier.
    case periodicReview = "periodic_review"
    /// Large, infrequent buys of cheap items: ordering cost matters more than holding cost.
    case speculativeBuy = "speculative_buy"
    /// Buy only against confirmed demand: valuable items with unpredictable demand.
    case buyToOrder = "buy_to_order"
    /// Supplier-owned stock on our site, paid when consumed.
    case consignment
    /// The supplier watches our stock and replenishes it.
    case vmi
    /// No replenishment: phase-out and obsolete items are run down.
    case noReplenishment = "no_replenishment"
}
