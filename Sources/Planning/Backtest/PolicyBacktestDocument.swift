public import InventoryCore
public import InventoryPolicy

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
        /// `observed` (the receipts' mean lead time) or `policy` (the one the policy assumes).
        public var leadTimeBasis: String
        public var target: Double
        public var achieved: Double?
        public var fillRate: Double?
        public var cycleServiceLevel: Double?
        public var simulatedStockoutBuckets: Int
        public var recordedStockoutDays: Int
        public var simulatedAverageOnHand: Double
        public var recordedAverageOnHand: Double?
        public var plannedAverageInventory: Double
        /// `recorded` (stock on the day before the window) or `assumed` (the order-up-to level).
        public var start: String
        public var status: PolicyBacktestReport.Status
        public var causes: [String]
        /// The lead-time proposal replayed, or `null`.
        public var proposal: Proposal?

        enum CodingKeys: String, CodingKey {
            case itemId, locationId, `class`, policy, parameters, leadTimeBuckets, leadTimeBasis, target, achieved, fillRate
            case cycleServiceLevel, simulatedStockoutBuckets, recordedStockoutDays, simulatedAverageOnHand
            case recordedAverageOnHand, plannedAverageInventory, start, status, causes, proposal
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
            try c.encode(target, forKey: .target)
            try c.encode(achieved ?? .nan, forKey: .achieved)
            try c.encode(fillRate ?? .nan, forKey: .fillRate)
            try c.encode(cycleServiceLevel ?? .nan, forKey: .cycleServiceLevel)
            try c.encode(simulatedStockoutBuckets, forKey: .simulatedStockoutBuckets)
            try c.encode(recordedStockoutDays, forKey: .recordedStockoutDays)
            try c.encode(simulatedAverageOnHand, forKey: .simulatedAverageOnHand)
            try c.encode(recordedAverageOnHand ?? .nan, forKey: .recordedAverageOnHand)
            try c.encode(plannedAverageInventory, forKey: .plannedAverageInventory)
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
        classes = report.classes.map {
            ClassLine(
                class: $0.abc.rawValue, itemLocations: $0.itemLocations, target: $0.target, achieved: $0.achieved,
                fillRate: $0.fillRate, belowTarget: $0.belowTarget, excess: $0.excess)
        }
        lines = report.lines.map {
            Line(
                itemId: item($0.item), locationId: location($0.location), class: $0.abc.rawValue, policy: $0.policyType.rawValue,
                parameters: $0.parameters, leadTimeBuckets: $0.leadTimeBuckets,
                leadTimeBasis: $0.leadTimeObserved ? "observed" : "policy", target: $0.target, achieved: $0.achieved,
                fillRate: $0.fillRate, cycleServiceLevel: $0.cycleServiceLevel,
                simulatedStockoutBuckets: $0.simulatedStockoutBuckets, recordedStockoutDays: $0.recordedStockoutDays,
                simulatedAverageOnHand: $0.simulatedAverageOnHand, recordedAverageOnHand: $0.recordedAverageOnHand,
                plannedAverageInventory: $0.plannedAverageInventory, start: $0.startRecorded ? "recorded" : "assumed",
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
