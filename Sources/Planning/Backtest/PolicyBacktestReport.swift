public import InventoryCore
public import Simulation

/// What ``PolicyBacktest/run(snapshot:plan:options:)`` finds: per item-location the simulated
/// service and stock against the recorded, per ABC class the target against the achieved, and
/// the item-locations whose policy would not have held, with the most likely causes.
public struct PolicyBacktestReport: Sendable {
    /// Whether a policy held on the history.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Achieved its service target (within the tolerance) without excess stock.
        case ok
        /// Below its service target by more than the tolerance.
        case belowTarget = "below_target"
        /// On target, but the simulated stock is well above what the policy plans for.
        case excess
    }

    /// The plan's lead-time proposal replayed over the same history.
    public struct ProposalReplay: Sendable, Hashable {
        /// Its parameters in whole units.
        public var parameters: String
        /// The achieved value of the measure.
        public var achieved: Double?
        /// Its fill rate.
        public var fillRate: Double?
        /// Its mean simulated on hand.
        public var simulatedAverageOnHand: Double
    }

    /// One item-location.
    public struct Line: Sendable, Hashable {
        /// Index into the snapshot's items.
        public var item: Int32
        /// Index into the snapshot's locations.
        public var location: Int32
        /// ABC class of the plan.
        public var abc: ABCClass
        /// The policy replayed.
        public var policyType: PolicyType
        /// Its parameters in whole base units, as replayed (s, S, Q; min/max; R in buckets).
        public var parameters: String
        /// Lead time of the replay in buckets.
        public var leadTimeBuckets: Int
        /// Whether that lead time is the receipts' (else the one the policy assumes).
        public var leadTimeObserved: Bool
        /// The shortest and longest lead time in buckets when the receipts' orders were replayed
        /// one by one (per-order replay of the main source), else `nil`.
        public var leadTimeRange: ClosedRange<Int>?
        /// Sources sharing each order (1: the main source takes every order).
        public var sources: Int
        /// The service target of the plan (the measure of ``PolicyBacktestReport/measure``).
        public var target: Double
        /// The achieved value of that measure in the replay.
        public var achieved: Double?
        /// Fill rate of the replay (units served from stock / demand).
        public var fillRate: Double?
        /// Cycle service level of the replay (cycles between receipts without a shortfall).
        public var cycleServiceLevel: Double?
        /// Buckets with a shortfall in the replay.
        public var simulatedStockoutBuckets: Int
        /// Stock-out days recorded in stockouts.csv over the window.
        public var recordedStockoutDays: Int
        /// Mean simulated on hand at the end of a bucket, base units.
        public var simulatedAverageOnHand: Double
        /// Mean recorded on hand over the window (stock history), when known.
        public var recordedAverageOnHand: Double?
        /// The policy's maximum in base units (S; s + Q; max).
        public var maximum: Double
        /// Buckets of the replay ending with more on hand than the maximum.
        public var simulatedBucketsAboveMaximum: Int
        /// Days of the window the stock history records with more on hand than the maximum, when
        /// it records days of this item-location.
        public var recordedDaysAboveMaximum: Int?
        /// The average inventory the policy plans for (cycle stock + safety stock).
        public var plannedAverageInventory: Double
        /// Whether the replay started from recorded stock (else from the order-up-to level).
        public var startRecorded: Bool
        /// The verdict.
        public var status: Status
        /// The most likely causes of a miss, strongest first, each with its evidence.
        public var causes: [String]
        /// The lead-time proposal replayed, when the plan made one.
        public var proposal: ProposalReplay?
    }

    /// Target against achieved for one ABC class.
    public struct ClassLine: Sendable, Hashable {
        /// The class.
        public var abc: ABCClass
        /// Item-locations replayed.
        public var itemLocations: Int
        /// Mean service target.
        public var target: Double
        /// Mean achieved value of the measure (over the item-locations that had demand).
        public var achieved: Double?
        /// Pooled fill rate (Σ served / Σ demand).
        public var fillRate: Double?
        /// Item-locations below target.
        public var belowTarget: Int
        /// Item-locations with excess stock.
        public var excess: Int
    }

    /// An item-location not replayed, and why.
    public struct Skipped: Sendable, Hashable {
        /// Index into the snapshot's items.
        public var item: Int32
        /// Index into the snapshot's locations.
        public var location: Int32
        /// Why.
        public var reason: String
    }

    /// The first day of the window (the first day of its first bucket).
    public var from: Day
    /// The last day of the window.
    public var to: Day
    /// Buckets replayed.
    public var buckets: Int
    /// The bucket size.
    public var bucket: BucketSize
    /// The service measure the targets are in.
    public var measure: ServiceMeasure
    /// The tolerance below target still counted as met.
    public var tolerance: Double
    /// Whether demand short of stock was backordered or lost.
    public var unmetDemand: PolicySimulationInput.UnmetDemand
    /// How the receipts' lead times were replayed.
    public var leadTimes: PolicyBacktestOptions.LeadTimeReplay
    /// Whether orders were shared among several sources.
    public var splitSourcing: Bool
    /// Whether the policies replayed came from a policies file (else from the plan).
    public var policiesFromFile: Bool
    /// Per item-location, in the plan's order.
    public var lines: [Line]
    /// Per ABC class.
    public var classes: [ClassLine]
    /// Not replayed.
    public var skipped: [Skipped]
}
