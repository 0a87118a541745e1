/// A scenario run as the CLI's `--format json` and `POST /api/v1/scenarios/run` write it
/// (snake-case keys; an undefined measure is `null`): the KPI deltas against the baseline per ABC
/// class and per location, and the item-locations that break.
public struct ScenarioDocument: Codable, Sendable {
    /// Mean of a measure across replications with its 95 % interval (mean ± 1.96 · s / √N; `null`
    /// bounds with one replication).
    public struct Estimate: Codable, Sendable {
        public var mean: Double
        public var low: Double
        public var high: Double
    }

    /// One measure: baseline and shocked means, and the delta (shocked − baseline) with its interval.
    public struct Measure: Codable, Sendable {
        public var baseline: Double
        public var shocked: Double
        public var delta: Estimate
    }

    /// The measures of a group of item-locations (an ABC class or a location).
    public struct Group: Codable, Sendable {
        /// The class (`A`, `B`, `C`) or the location id.
        public var group: String
        public var itemLocations: Int
        /// Pooled: Σ served ÷ Σ demand.
        public var fillRate: Measure
        /// Mean over the item-locations with a replenishment cycle.
        public var cycleServiceLevel: Measure
        /// Σ periods with a shortfall.
        public var stockoutPeriods: Measure
        /// Σ average on hand × unit cost; under a price shock each period's on hand is valued at that
        /// period's price.
        public var averageOnHandValue: Measure
    }

    /// An item-location on target in the baseline and below it under the shock.
    public struct Breaking: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var `class`: String
        public var parameters: String
        public var target: Double
        public var baselineAchieved: Double
        public var shockedAchieved: Double
        /// The smallest extra buffer (units added to the reorder point and order-up-to level, and to
        /// the opening stock) that holds the target under the shock; `null` when not searched or
        /// not found.
        public var extraBuffer: Double
        /// extra buffer × unit cost.
        public var extraBufferValue: Double
        /// Why no buffer is given, else empty.
        public var bufferNote: String
    }

    public var name: String
    public var from: String
    public var to: String
    public var periods: Int
    /// The period: day, week or month.
    public var period: String
    /// The service measure the targets are in (`policy.service_measure`).
    public var measure: String
    public var tolerance: Double
    public var replications: Int
    public var seed: UInt64
    /// `backorder` or `lost_sales` (the spec's `unmet_demand`).
    public var unmetDemand: String
    /// `history` or `forecast` (the spec's `demand`).
    public var demand: String
    /// `mean` or `sampled` (the spec's `lead_times`).
    public var leadTimes: String
    /// The shocks in words, with their spec lines.
    public var shocks: [String]
    /// How data-dependent values were resolved.
    public var notes: [String]
    /// Item-locations replayed, and how many of them a shock touches.
    public var itemLocations: Int
    public var shockedItemLocations: Int
    public var classes: [Group]
    public var locations: [Group]
    public var breaking: [Breaking]
    /// Item-locations not replayed (the back-test's reasons).
    public var skipped: Int
}

/// The named stress tests run on the current policies.
public struct StressTestDocument: Codable, Sendable {
    /// One scenario document per stress test, in the order shipped.
    public var tests: [ScenarioDocument]

    /// The document of `tests`.
    public init(tests: [ScenarioDocument]) { self.tests = tests }
}
