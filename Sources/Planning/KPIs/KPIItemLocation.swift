public import InventoryCore
import InventoryPolicy

/// What the KPIs need of one planned item-location: its classes and annual value from the
/// classification, and its policy's final values from the plan run — read from a
/// ``PlanResult`` (a data folder) or from a stored plan run (the database), so both give the same
/// figures.
public struct KPIItemLocation: Sendable, Hashable {
    /// Index into the snapshot's items.
    public var item: Int32
    /// Index into the snapshot's locations.
    public var location: Int32
    /// ABC class.
    public var abc: ABCClass
    /// XYZ class.
    public var xyz: XYZClass
    /// Annual consumption value of the classification.
    public var annualValue: Double
    /// The policy type (`none`: no stock policy; its alerts other than overrides do not apply).
    public var policyType: PolicyType
    /// Owned on hand the plan ran with, base units.
    public var onHand: Double
    /// Final reorder point s.
    public var reorderPoint: Double
    /// Final order-up-to level S (the maximum).
    public var orderUpToLevel: Double
    /// Demand per bucket the policy plans for.
    public var demandPerBucket: Double
    /// Unit cost.
    public var unitCost: Double
    /// Parameters whose override is flagged as far from the computed value (empty: none).
    public var flaggedOverrides: [String]
    /// Average inventory value implied by the policy.
    public var averageInventoryValue: Double

    /// Creates an item-location's KPI input.
    public init(
        item: Int32, location: Int32, abc: ABCClass, xyz: XYZClass, annualValue: Double, policyType: PolicyType, onHand: Double,
        reorderPoint: Double, orderUpToLevel: Double, demandPerBucket: Double, unitCost: Double, flaggedOverrides: [String],
        averageInventoryValue: Double
    ) {
        self.item = item
        self.location = location
        self.abc = abc
        self.xyz = xyz
        self.annualValue = annualValue
        self.policyType = policyType
        self.onHand = onHand
        self.reorderPoint = reorderPoint
        self.orderUpToLevel = orderUpToLevel
        self.demandPerBucket = demandPerBucket
        self.unitCost = unitCost
        self.flaggedOverrides = flaggedOverrides
        self.averageInventoryValue = averageInventoryValue
    }
}

extension PlanResult {
    /// The KPI input of every row of the plan.
    public var kpiItemLocations: [KPIItemLocation] {
        (0..<rows.count).map { r in
            let row = rows[r]
            let c = classification.rows[r]
            let p = row.policy
            return KPIItemLocation(
                item: row.item, location: row.location, abc: c.abc, xyz: c.xyz, annualValue: c.annualValue,
                policyType: p.policyType,
                onHand: row.onHand, reorderPoint: p.final.reorderPoint, orderUpToLevel: p.final.orderUpToLevel,
                demandPerBucket: p.final.forecastPerBucket, unitCost: p.input.unitCost,
                flaggedOverrides: p.overrides.filter(\.flagged).map(\.parameter.rawValue),
                averageInventoryValue: p.averageInventoryValue)
        }
    }
}
