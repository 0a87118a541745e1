/// The `preposition` section of `settings.yaml`: what moving stock between locations ahead of a
/// scenario costs (docs/scenarios.md "Pre-positioning").
///
/// Keys (all optional): `transfer_cost_rate` (0 … 10; default 0.02 — freight and handling per unit
/// moved as a fraction of its unit cost), `cost_per_move` (≥ 0; default 150 in the data's currency —
/// the fixed cost of one transfer of one item from one location to another).
public struct PrepositionSettings: Hashable, Sendable {
    /// Cost per unit moved, as a fraction of the unit cost.
    public var transferCostRate: Double
    /// Fixed cost of one move.
    public var costPerMove: Double

    /// The defaults.
    public init(transferCostRate: Double = 0.02, costPerMove: Double = 150) {
        self.transferCostRate = transferCostRate
        self.costPerMove = costPerMove
    }
}
