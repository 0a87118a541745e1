public import InventoryPolicy

/// The plan of one item-location: its policy and today's stock.
public struct PlanRow: Hashable, Sendable {
    /// Index into the snapshot's items.
    public var item: Int32
    /// Index into the snapshot's locations.
    public var location: Int32
    /// The policy (input, derivation, computed and final values, overrides, cost).
    public var policy: PolicyResult
    /// Owned stock on hand today (`inventory.csv`), base units.
    public var onHand: Double
    /// Its value at the unit cost.
    public var onHandValue: Double
}
