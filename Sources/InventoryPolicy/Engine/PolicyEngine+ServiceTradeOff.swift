public import InventoryCore

extension PolicyEngine {
    /// The average inventory in base units — cycle stock plus safety stock, as
    /// ``PolicyResult/averageInventory`` counts it — that the policy of `input` holds at the service
    /// target `serviceLevel` instead of its own, everything else computed as ``compute(_:)`` computes
    /// it without overrides: one point of the item-location's exchange curve of inventory investment
    /// against service (Silver, Pyke & Thomas, *Inventory and Production Management in Supply
    /// Chains*, 4th ed. (2017), §7.4 "exchange curves").
    public func averageInventory(_ input: PolicyInput, serviceLevel: Double) -> Double {
        let evaluation = evaluate(
            input, serviceLevel: serviceLevel, reviewPeriodDays: input.reviewPeriodDays, demandPerBucket: input.demand.perBucket)
        return evaluation.averageCycleStock + evaluation.values.safetyStock
    }
}
