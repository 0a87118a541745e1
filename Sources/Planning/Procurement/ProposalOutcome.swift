/// What net requirements decided for one item-location: a proposal, or the reason there is none.
/// Every item-location of the plan gets one, so a reorder alert without a proposal always has a
/// documented reason (docs/procurement.md, "Reconciliation with the plan").
public enum ProposalOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// At least one planned order is released within the release window: it is on a proposal.
    case proposed
    /// No stock policy (obsolete, phase-out, no demand, buy to order): nothing is planned.
    case noStockPolicy = "no_stock_policy"
    /// Vendor-managed inventory: the supplier replenishes, Procura proposes nothing.
    case supplierManaged = "supplier_managed"
    /// Planned orders are due for release but the item-location has no sourcing rule to send them to.
    case noSupplier = "no_supplier"
    /// The projected balance stays at or above the safety stock over the whole horizon.
    case noNetRequirement = "no_net_requirement"
    /// There are planned orders, but the first is released after the release window.
    case releaseLater = "release_later"
}
