public import InventoryCore

/// One supplier of an item-location as the policy engine sees it: the catalog terms of
/// `sourcing.csv` and the supplier's key (for freight terms and explanations).
public struct PolicySource: Hashable, Sendable {
    /// The supplier's key (`suppliers.csv`), used to look up ``PolicySettings/freight``.
    public var supplierID: String
    /// Lead time, MOQ, multiple, price, price breaks, units per purchase unit, share, ownership.
    /// Its lead time is the one the plan uses (see ``leadTimeBasis``).
    public var rule: SourcingRule
    /// Where ``rule``'s lead time comes from: the catalog unless `policy.lead_time_source` chose
    /// the receipts' observation or a blend (``applying(observed:settings:)``).
    public var leadTimeBasis: LeadTimeBasis = .catalog
    /// Receipts' lead times that have drifted from the catalog's while the plan keeps the catalog:
    /// the plan proposes the policy they imply (``LeadTimeProposal``).
    public var driftedLeadTime: ObservedLeadTime?

    /// Creates a source.
    public init(supplierID: String, rule: SourcingRule) {
        self.supplierID = supplierID
        self.rule = rule
    }

    /// Base units in one purchase unit (1 when the catalog gives none or a non-positive one).
    public var unitsPerPurchaseUnit: Double {
        rule.unitsPerPurchaseUOM.isFinite && rule.unitsPerPurchaseUOM > 0 ? rule.unitsPerPurchaseUOM : 1
    }
}
