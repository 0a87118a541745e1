public import InventoryCore
public import InventoryPolicy
import Simulation

/// A back-test as the CLI's `--format json` and `GET /api/v1/backtest` write it (snake-case keys,
/// item and location ids instead of indexes), built once from a ``PolicyBacktestReport``.
public struct PolicyBacktestDocument: Codable, Sendable {
    /// The plan's lead-time proposal replayed beside the policy.
    public struct Proposal: Codable, Sendable {
        public var parameters: String
        public var achieved: Double?
        public var fillRate: Double?
        public var simulatedAverageOnHand: Double

        /// Writes every key; an undefined measure is `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(parameters, forKey: .parameters)
            try c.encode(achieved ?? .nan, forKey: .achieved)
            try c.encode(fillRate ?? .nan, forKey: .fillRate)
            try c.encode(simulatedAverageOnHand, forKey: .simulatedAverageOnHand)
        }
    }

    /// One item-location.
    public struct Line: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var `class`: String
        public var policy: String
        public var parameters: String
        public var leadTimeBuckets: Int
        /// `observed_per_order` (the receipts' orders one by one), `observed` (the receipts' mean
        /// lead time) or `policy` (the one the policy assumes).
        public var leadTimeBasis: String
        /// Shortest and longest lead time replayed (buckets); equal to `lead_time_buckets` unless per order.
        public var leadTimeBucketsMin: Int
        public var leadTimeBucketsMax: Int
        /// Sources sharing each order.
        public var sources: Int
        public var target: Double
        public var achieved: Double?
        public var fillRate: Double?
        public var cycleServiceLevel: Double?
        public var simulatedStockoutBuckets: Int
        public var recordedStockoutDays: Int
        public var simulatedAverageOnHand: Double
        public var recordedAverageOnHand: Double?
        public var plannedAverageInventory: Double
        /// The policy's maximum (S; s + Q; max), base units.
        public var maximum: Double
        public var simulatedBucketsAboveMaximum: Int
        /// `null` where the stock history records no day of the item-location in the window.
        public var recordedDaysAboveMaximum: Int?
        /// `recorded` (stock on the day before the window) or `assumed` (the order-up-to level).
        public var start: String
        public var status: PolicyBacktestReport.Status
        public var causes: [String]
        /// The lead-time proposal replayed, or `null`.
        public var proposal: Proposal?

        enum CodingKeys: String, CodingKey {
            case itemId, locationId, `class`, policy, parameters, leadTimeBuckets, leadTimeBasis, target, achieved, fillRate
            case leadTimeBucketsMin, leadTimeBucketsMax, sources
            case cycleServiceLevel, simulatedStockoutBuckets, recordedStockoutDays, simulatedAverageOnHand
            case recordedAverageOnHand, plannedAverageInventory, start, status, causes, proposal
            case maximum, simulatedBucketsAboveMaximum, recordedDaysAboveMaximum
        }

        /// Writes every key; an undefined measure is `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(itemId, forKey: .itemId)
            try c.encode(locationId, forKey: .locationId)
            try c.encode(`class`, forKey: .class)
            try c.encode(policy, forKey: .policy)
            try c.encode(parameters, forKey: .parameters)
            try c.encode(leadTimeBuckets, forKey: .leadTimeBuckets)
            try c.encode(leadTimeBasis, forKey: .leadTimeBasis)
            try c.encode(leadTimeBucketsMin, forKey: .leadTimeBucketsMin)
            try c.encode(leadTimeBucketsMax, forKey: .leadTimeBucketsMax)
            try c.encode(sources, forKey: .sources)
            try c.encode(target, forKey: .target)
            try c.encode(achieved ?? .nan, forKey: .achieved)
            try c.encode(fillRate ?? .nan, forKey: .fillRate)
            try c.encode(cycleServiceLevel ?? .nan, forKey: .cycleServiceLevel)
            try c.encode(simulatedStockoutBuckets, forKey: .simulatedStockoutBuckets)
            try c.encode(recordedStockoutDays, forKey: .recordedStockoutDays)
            try c.encode(simulatedAverageOnHand, forKey: .simulatedAverageOnHand)
            try c.encode(recordedAverageOnHand ?? .nan, forKey: .recordedAverageOnHand)
            try c.encode(plannedAverageInventory, forKey: .plannedAverageInventory)
            try c.encode(maximum, forKey: .maximum)
            try c.encode(simulatedBucketsAboveMaximum, forKey: .simulatedBucketsAboveMaximum)
            if let recordedDaysAboveMaximum {
                try c.encode(recordedDaysAboveMaximum, forKey: .recordedDaysAboveMaximum)
            } else {
                try c.encodeNil(forKey: .recordedDaysAboveMaximum)
            }
            try c.encode(start, forKey: .start)
            try c.encode(status, forKey: .status)
            try c.encode(causes, forKey: .causes)
            if let proposal { try c.encode(proposal, forKey: .proposal) } else { try c.encodeNil(forKey: .proposal) }
        }
    }

    /// Target against achieved for one ABC class.
    public struct ClassLine: Codable, Sendable {
        public var `class`: String
        public var itemLocations: Int
        public var target: Double
        public var achieved: Double?
        public var fillRate: Double?
        public var belowTarget: Int
        public var excess: Int

        enum CodingKeys: String, CodingKey {
            case `class`, itemLocations, target, achieved, fillRate, belowTarget, excess
        }

        /// Writes every key; an undefined measure is `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(`class`, forKey: .class)
            try c.encode(itemLocations, forKey: .itemLocations)
            try c.encode(target, forKey: .target)
            try c.encode(achieved ?? .nan, forKey: .achieved)
            try c.encode(fillRate ?? .nan, forKey: .fillRate)
            try c.encode(belowTarget, forKey: .belowTarget)
            try c.encode(excess, forKey: .excess)
        }
    }

    /// An item-location not replayed.
    public struct Skipped: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var reason: String
    }

    public var from: String
    public var to: String
    public var buckets: Int
    public var bucket: String
    public var measure: String
    public var tolerance: Double
    /// `backorder` or `lost_sales`.
    public var unmetDemand: String
    /// `per_order` or `mean`.
    public var leadTimes: String
    public var splitSourcing: Bool
    /// `plan` or `file` (a policies file).
    public var policies: String
    public var classes: [ClassLine]
    public var lines: [Line]
    public var skipped: [Skipped]

    /// The document of `report` over `snapshot`'s ids.
    public init(_ report: PolicyBacktestReport, snapshot: Snapshot) {
        func item(_ i: Int32) -> String { snapshot.items[Int(i)].id }
        func location(_ l: Int32) -> String { snapshot.locations[Int(l)].id }
        from = report.from.description
        to = report.to.description
        buckets = report.buckets
        bucket = report.bucket.rawValue
        measure = report.measure.rawValue
        tolerance = report.tolerance
        unmetDemand = report.unmetDemand.rawValue
        leadTimes = report.leadTimes.rawValue
        splitSourcing = report.splitSourcing
        policies = report.policiesFromFile ? "file" : "plan"
        classes = report.classes.map {
            ClassLine(
                class: $0.abc.rawValue, itemLocations: $0.itemLocations, target: $0.target, achieved: $0.achieved,
                fillRate: $0.fillRate, belowTarget: $0.belowTarget, excess: $0.excess)
        }
        lines = report.lines.map {
            Line(
                itemId: item($0.item), locationId: location($0.location), class: $0.abc.rawValue, policy: $0.policyType.rawValue,
                parameters: $0.parameters, leadTimeBuckets: $0.leadTimeBuckets,
                leadTimeBasis: $0.leadTimeRange != nil ? "observed_per_order" : $0.leadTimeObserved ? "observed" : "policy",
                leadTimeBucketsMin: $0.leadTimeRange?.lowerBound ?? $0.leadTimeBuckets,
                leadTimeBucketsMax: $0.leadTimeRange?.upperBound ?? $0.leadTimeBuckets, sources: $0.sources,
                target: $0.target, achieved: $0.achieved,
                fillRate: $0.fillRate, cycleServiceLevel: $0.cycleServiceLevel,
                simulatedStockoutBuckets: $0.simulatedStockoutBuckets, recordedStockoutDays: $0.recordedStockoutDays,
                simulatedAverageOnHand: $0.simulatedAverageOnHand, recordedAverageOnHand: $0.recordedAverageOnHand,
                plannedAverageInventory: $0.plannedAverageInventory, maximum: $0.maximum,
                simulatedBucketsAboveMaximum: $0.simulatedBucketsAboveMaximum,
                recordedDaysAboveMaximum: $0.recordedDaysAboveMaximum, start: $0.startRecorded ? "recorded" : "assumed",
                status: $0.status, causes: $0.causes,
                proposal: $0.proposal.map {
                    Proposal(
                        parameters: $0.parameters, achieved: $0.achieved, fillRate: $0.fillRate,
                        simulatedAverageOnHand: $0.simulatedAverageOnHand)
                })
        }
        skipped = report.skipped.map { Skipped(itemId: item($0.item), locationId: location($0.location), reason: $0.reason) }
    }
}

extension PolicyBacktest {
    /// Plans `snapshot` and back-tests the plan's policies: the one call behind `procura backtest`,
    /// `GET /api/v1/backtest` and the back-test page.
    public static func planned(
        snapshot: Snapshot, options: PolicyBacktestOptions = .init(), progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> PolicyBacktestDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return PolicyBacktestDocument(try await run(snapshot: snapshot, plan: plan, options: options), snapshot: snapshot)
    }
}
