/// One supplier's part in the supply of an item-location.
public struct SourceAllocation: Hashable, Sendable {
    /// The supplier's role.
    public enum Role: String, Hashable, Sendable {
        /// The main supplier (largest share): its unit and multiple give the ERP's min/max.
        case primary
        /// A further supplier receiving its share of the volume.
        case split
        /// A supplier kept for when the primary cannot deliver; no regular volume.
        case overflow
    }

    /// Index into ``PolicyInput/sources`` (−1 for the default source of an unsourced item).
    public var source: Int
    /// The role.
    public var role: Role
    /// Share of the regular volume wᵢ (0 for overflow).
    public var weight: Double
    /// Base units per purchase unit of this supplier.
    public var unitsPerPurchaseUnit: Double
    /// The order quantity and how it was found (an overflow supplier's is for the whole demand, as
    /// if it took over).
    public var lotSize: LotSizeDerivation

    /// The order quantity in purchase units.
    public var orderQuantity: Double { lotSize.quantity }
    /// The order quantity in base units.
    public var orderQuantityBaseUnits: Double { lotSize.quantity * unitsPerPurchaseUnit }
}
