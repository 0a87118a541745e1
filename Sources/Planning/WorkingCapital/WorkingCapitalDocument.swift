public import InventoryCore

/// Working capital against service as `procura working-capital --format json` and
/// `GET /api/v1/working-capital` write it (``WorkingCapitalFrontier``).
public struct WorkingCapitalDocument: Codable, Sendable, Hashable {
    /// One point: a service (demand-value weighted target) and the inventory investment it takes.
    public struct Point: Codable, Sendable, Hashable {
        /// The class-wide level asked for (`nil`: the current targets of the settings).
        public var level: Double?
        /// Demand-value weighted mean of the item-locations' targets at this point.
        public var service: Double
        /// Σ average inventory (cycle + safety stock) × unit cost.
        public var investment: Double

        /// Creates a point.
        public init(level: Double?, service: Double, investment: Double) {
            self.level = level
            self.service = service
            self.investment = investment
        }
    }

    /// One ABC class: its frontier and where it stands.
    public struct ClassFrontier: Codable, Sendable, Hashable {
        /// `A`, `B` or `C`.
        public var `class`: String
        /// Item-locations of the class in the plan.
        public var itemLocations: Int
        /// Σ annual demand × unit cost: the weight of the class's service.
        public var annualDemandValue: Double
        /// The lowest service the class may fall to.
        public var floor: Double
        /// The class at the settings' targets.
        public var current: Point
        /// The class with every item-location at each level (floors and caps of the settings applied), ascending.
        public var frontier: [Point]
    }

    /// The class-by-class choice that reaches a working-capital target.
    public struct Choice: Codable, Sendable, Hashable {
        /// `A`, `B` or `C`.
        public var `class`: String
        /// The point chosen (level `nil`: keep the current targets).
        public var point: Point
        /// The class's current point.
        public var current: Point
        /// Investment of the choice − current investment (negative: capital released).
        public var change: Double
    }

    /// Reaching a working-capital target.
    public struct TargetPlan: Codable, Sendable, Hashable {
        /// The investment asked for.
        public var workingCapital: Double
        /// Whether some choice at or above every class's floor stays within it.
        public var feasible: Bool
        /// Total investment of the choice (the least reachable when not feasible).
        public var investment: Double
        /// Current investment − ``investment`` (positive: capital released).
        public var saving: Double
        /// Demand-value weighted service of the choice over all classes.
        public var service: Double
        /// Per class.
        public var classes: [Choice]
        /// What the choice means, for people.
        public var summary: String
    }

    /// The day the plan is as of.
    public var asOf: String
    /// The money unit.
    public var currency: String
    /// What the targets mean: `cycle_service_level` or `fill_rate` (settings `policy.service_measure`).
    public var serviceMeasure: String
    /// The levels the frontiers are drawn at.
    public var levels: [Double]
    /// Per ABC class with item-locations, A first.
    public var classes: [ClassFrontier]
    /// All classes at the settings' targets.
    public var current: Point
    /// The target's plan, when a target was given.
    public var target: TargetPlan?
}
