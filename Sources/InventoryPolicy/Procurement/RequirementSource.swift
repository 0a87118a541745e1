import InventoryCore

/// One supplier of an item-location as net requirements see it: who, how long it takes, its share
/// of the volume, and the terms its planned orders are rounded to (MOQ, order multiple, price
/// schedule of ``LotSizeTerms``).
///
/// Built from the policy's ``SourceAllocation`` (``init(allocation:source:defaultLeadTimeDays:baseUOM:)``),
/// so a planned order is split and rounded exactly as the policy's lot sizes are.
public struct RequirementSource: Hashable, Sendable {
    /// The supplier's key; empty for the default source of an item-location without sourcing.
    public var supplierID: String
    /// Primary, split or overflow (``SourceAllocation/Role``).
    public var role: SourceAllocation.Role
    /// Share wᵢ of each planned order (0 for an overflow supplier).
    public var weight: Double
    /// Lead time in days: a planned order is released this long before it is due.
    public var leadTimeDays: Double
    /// Base units per purchase unit.
    public var unitsPerPurchaseUnit: Double
    /// The unit the supplier sells in.
    public var purchaseUOM: String
    /// MOQ, order multiple and price schedule, in purchase units.
    public var terms: LotSizeTerms

    /// Creates a source.
    public init(
        supplierID: String, role: SourceAllocation.Role, weight: Double, leadTimeDays: Double, unitsPerPurchaseUnit: Double,
        purchaseUOM: String, terms: LotSizeTerms
    ) {
        self.supplierID = supplierID
        self.role = role
        self.weight = weight
        self.leadTimeDays = leadTimeDays
        self.unitsPerPurchaseUnit = unitsPerPurchaseUnit
        self.purchaseUOM = purchaseUOM
        self.terms = terms
    }

    /// The source of a policy's allocation: `source` is the ``PolicyInput/sources`` entry the
    /// allocation names (`nil` for the default source of an unsourced item-location, which gets
    /// `defaultLeadTimeDays` and the base unit).
    public init(allocation: SourceAllocation, source: PolicySource?, defaultLeadTimeDays: Double, baseUOM: String) {
        let uom = source.map { $0.rule.purchaseUOM.isEmpty ? baseUOM : $0.rule.purchaseUOM } ?? baseUOM
        self.init(
            supplierID: source?.supplierID ?? "", role: allocation.role, weight: allocation.weight,
            leadTimeDays: source?.rule.leadTimeDays ?? defaultLeadTimeDays, unitsPerPurchaseUnit: allocation.unitsPerPurchaseUnit,
            purchaseUOM: uom, terms: allocation.lotSize.terms)
    }

    /// Whole days of lead time: ⌈L⌉ (a release is a day, not part of one). The catalog accepts any
    /// lead time ≥ 0; one beyond 36,500 days (a century) offsets by a century, the furthest a date
    /// is taken back — such an order is late by decades either way.
    public var leadTimeWholeDays: Int {
        leadTimeDays.isFinite && leadTimeDays > 0 ? Int(min(leadTimeDays, 36_500).rounded(.up)) : 0
    }

    /// `quantity` base units in purchase units raised to the MOQ and rounded up to the order
    /// multiple (``PurchaseRounding/feasible(_:moq:multiple:)``).
    public func feasiblePurchaseQuantity(baseUnits quantity: Double) -> Double {
        PurchaseRounding.feasible(
            quantity / unitsPerPurchaseUnit, moq: terms.minimumOrderQuantity, multiple: terms.orderMultiple)
    }
}
