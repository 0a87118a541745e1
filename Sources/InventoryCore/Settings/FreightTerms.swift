/// What a supplier charges for transport, per order (`policy.freight.<supplier_id>` in
/// `settings.yaml`).
///
/// The freight of one order of q purchase units is
///
///     f(q) = costPerOrder + loads(q)
///
/// where, with n = ⌈q / palletQuantity⌉ started pallets, N = ``fullLoadPallets`` and
/// F = ``fullLoadCost``, loads(q) = ⌊n / N⌋·F + min(F, (n mod N)·costPerPallet) — every started
/// pallet is charged in full, and a part load never costs more than a full load. Without a pallet
/// quantity only ``costPerOrder`` applies. Because a started pallet costs as much as a full one,
/// rounding an order up to full pallets (or full loads) can pay; the policy engine compares the
/// annual cost with and without the rounding (docs/policies.md, "Lot sizing").
public struct FreightTerms: Hashable, Sendable {
    /// Fixed freight charged on every order (added to the order cost K in the EOQ), default 0.
    public var costPerOrder: Double
    /// Purchase units on one pallet (`nil`: freight does not depend on the quantity).
    public var palletQuantity: Double?
    /// Freight per started pallet, default 0.
    public var costPerPallet: Double
    /// Pallets in a full load (truck or container), `nil` when there is no full-load rate.
    public var fullLoadPallets: Double?
    /// Flat freight of a full load, `nil` when there is no full-load rate.
    public var fullLoadCost: Double?

    /// Creates freight terms; everything defaults to "no freight".
    public init(
        costPerOrder: Double = 0, palletQuantity: Double? = nil, costPerPallet: Double = 0,
        fullLoadPallets: Double? = nil, fullLoadCost: Double? = nil
    ) {
        self.costPerOrder = costPerOrder
        self.palletQuantity = palletQuantity
        self.costPerPallet = costPerPallet
        self.fullLoadPallets = fullLoadPallets
        self.fullLoadCost = fullLoadCost
    }

    /// The freight f(q) of one order of `quantity` purchase units (formula above).
    public func cost(ofOrder quantity: Double) -> Double {
        guard let pallet = palletQuantity, pallet > 0, quantity > 0 else { return costPerOrder }
        let pallets = (quantity / pallet).rounded(.up)
        guard let loadPallets = fullLoadPallets, loadPallets > 0, let loadCost = fullLoadCost else {
            return costPerOrder + pallets * costPerPallet
        }
        let fullLoads = (pallets / loadPallets).rounded(.down)
        let rest = pallets - fullLoads * loadPallets
        return costPerOrder + fullLoads * loadCost + min(loadCost, rest * costPerPallet)
    }

    /// Whether freight depends on the order quantity (a pallet quantity is set).
    public var dependsOnQuantity: Bool { (palletQuantity ?? 0) > 0 }
}
