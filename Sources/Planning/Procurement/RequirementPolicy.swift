public import InventoryCore
public import InventoryPolicy

/// What net requirements take from the plan for one item-location: its policy's final safety
/// stock, reorder point and order quantity, its forecast per bucket, and its suppliers with their
/// shares and terms — read from a ``PlanResult`` (a data folder) or from a stored plan run (the
/// database), so both net the same way.
public struct RequirementPolicy: Sendable, Hashable {
    /// Index into the snapshot's items.
    public var item: Int32
    /// Index into the snapshot's locations.
    public var location: Int32
    /// The policy type (`none`: no stock policy, nothing is planned).
    public var policyType: PolicyType
    /// The procurement strategy (`vmi`: the supplier replenishes, nothing is proposed).
    public var strategy: ProcurementStrategy
    /// Final safety stock SS, base units.
    public var safetyStock: Double
    /// Final reorder point s, base units (for the reconciliation with reorder alerts).
    public var reorderPoint: Double
    /// Final order quantity Q, base units.
    public var orderQuantity: Double
    /// Forecast per bucket from `Snapshot.forecastStart` on, base units.
    public var forecast: [Double]
    /// Suppliers, primary first.
    public var sources: [RequirementSource]

    /// Creates a requirement policy.
    public init(
        item: Int32, location: Int32, policyType: PolicyType, strategy: ProcurementStrategy, safetyStock: Double,
        reorderPoint: Double, orderQuantity: Double, forecast: [Double], sources: [RequirementSource]
    ) {
        self.item = item
        self.location = location
        self.policyType = policyType
        self.strategy = strategy
        self.safetyStock = safetyStock
        self.reorderPoint = reorderPoint
        self.orderQuantity = orderQuantity
        self.forecast = forecast
        self.sources = sources
    }
}

extension PlanResult {
    /// The requirement policy of every row of the plan: final values, forecast, and one
    /// ``InventoryPolicy/RequirementSource`` per allocation of the policy's supply plan.
    public func requirementPolicies(items: [Item]) -> [RequirementPolicy] {
        (0..<rows.count).map { r in
            let row = rows[r]
            let p = row.policy
            let baseUOM = Int(row.item) < items.count ? items[Int(row.item)].baseUOM : ""
            let sources = p.evaluation.supply.allocations.map { a in
                RequirementSource(
                    allocation: a, source: a.source >= 0 && a.source < p.input.sources.count ? p.input.sources[a.source] : nil,
                    defaultLeadTimeDays: settings.policy.defaultLeadTimeDays, baseUOM: baseUOM)
            }
            return RequirementPolicy(
                item: row.item, location: row.location, policyType: p.policyType, strategy: p.input.strategy,
                safetyStock: p.final.safetyStock, reorderPoint: p.final.reorderPoint, orderQuantity: p.final.orderQuantity,
                forecast: forecast(row: r), sources: sources)
        }
    }
}
