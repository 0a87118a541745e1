public import InventoryCore
public import InventoryPolicy

/// Multi-echelon safety stock over the company's own network (docs/risk.md, "Multi-echelon
/// buffers"): for every item whose transfer lanes form a tree of two or more stocked locations, the
/// safety stock placed by the guaranteed-service model (``InventoryPolicy/GuaranteedServiceModel``,
/// the one home of its mathematics) against each location protecting its own full lead time.
///
/// - the network: ``TransferLane/derive(postings:openOrders:)`` and ``EchelonTree/build(_:)``;
/// - a stage per location: the hub's processing time T is its policy's lead time plus review period;
///   every other location's is its lane's transfer time — max(observed, `network.transfer_lead_time_days`)
///   converted to periods — plus its review period; T is rounded up to whole periods;
/// - demand: μ and σ per period = the policy's estimate at every location. Our GSM lets any stage
///   face external demand, but one committed service time serves all of a stage's customers: a
///   location that supplies others gets a second stage for its own demand (T = 0, its customers
///   served at once) so that it may quote the locations downstream a service time its own customers
///   could not wait for. Leaf locations serve their customers at once (external outbound CST 0);
/// - holding cost per stage = unit cost × `holding_cost_rate` (the same at every stage);
/// - the service level: the strictest target of the tree's locations as a cycle service level,
///   z = Φ⁻¹(α) at every stage (as ``NetworkReport``).
///
/// The comparison: Σᵢ z·σᵢ·√Lᵢ with Lᵢ the policy's own protection interval (each location on its
/// own, replenished as its policy says), the plan's held safety stock, and where the tree is a
/// chain the stochastic-service serial model
/// (``addSerialComparison(to:tree:holdingCostRate:transferCostRate:bucketDays:)``).
public enum MultiEchelonReport {
    /// One location's inputs (``evaluate(itemId:category:unitCost:holdingCostRate:bucketDays:transferFloorDays:tree:sites:)``).
    public struct SiteInput: Sendable {
        /// μ per period.
        public var mean: Double
        /// σ per period.
        public var sd: Double
        /// The policy's lead time in periods.
        public var leadTime: Double
        /// The policy's review period in periods.
        public var review: Double
        /// The service target.
        public var serviceLevel: Double
        /// The safety stock held.
        public var held: Double
        /// The observed transfer time of the lane into the location, days (`nil`: none observed).
        public var transferDaysObserved: Double?
        /// References the observed time is the mean of.
        public var transferReferences: Int

        /// Creates the inputs.
        public init(
            mean: Double, sd: Double, leadTime: Double, review: Double, serviceLevel: Double, held: Double,
            transferDaysObserved: Double? = nil, transferReferences: Int = 0
        ) {
            self.mean = mean
            self.sd = sd
            self.leadTime = leadTime
            self.review = review
            self.serviceLevel = serviceLevel
            self.held = held
            self.transferDaysObserved = transferDaysObserved
            self.transferReferences = transferReferences
        }
    }

    /// Plans `snapshot` and reports it: the one call behind `procura network echelons`,
    /// `GET /api/v1/network/echelons` and the page.
    public static func planned(
        snapshot: Snapshot, progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> MultiEchelonDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try run(snapshot: snapshot, plan: plan)
    }

    /// Reports every item of `plan` whose lanes form a tree of stocked locations.
    public static func run(snapshot: Snapshot, plan: PlanResult) throws(PolicyError) -> MultiEchelonDocument {
        var rows: [Int32: [Int32: PlanRow]] = [:]
        for row in plan.rows where row.policy.policyType != .none { rows[row.item, default: [:]][row.location] = row }
        var lanesByItem: [Int32: [TransferLane]] = [:]
        for lane in TransferLane.derive(postings: snapshot.postings, openOrders: snapshot.openOrders) {
            lanesByItem[lane.item, default: []].append(lane)
        }
        let settings = snapshot.settings
        var lines: [MultiEchelonDocument.Line] = []
        var skipped: [MultiEchelonDocument.Skipped] = []
        for (itemIndex, lanes) in lanesByItem {
            let item = snapshot.items[Int(itemIndex)]
            func id(_ location: Int32) -> String { snapshot.locations[Int(location)].id }
            let tree: EchelonTree
            switch EchelonTree.build(lanes.map { .init(from: id($0.from), to: id($0.to), quantity: $0.quantity) }) {
            case .broken(let reason):
                skipped.append(.init(itemId: item.id, category: item.category, reason: reason))
                continue
            case .tree(let t):
                tree = t
            }
            var sites: [String: SiteInput] = [:]
            var unitCost = 0.0
            var bucketDays = settings.bucket.averageDays
            for location in tree.order {
                guard let index = snapshot.locationIndex(id: location), let row = rows[itemIndex]?[index] else {
                    skipped.append(
                        .init(
                            itemId: item.id, category: item.category,
                            reason: "\(location) is in the item's transfer lanes but has no stock policy there"))
                    break
                }
                let p = row.policy
                let ss = p.evaluation.safetyStock
                let lane = tree.upstream[location].flatMap { up in
                    lanes.first { id($0.from) == up && $0.to == index }
                }
                if location == tree.root {
                    unitCost = p.input.unitCost
                    bucketDays = p.evaluation.bucketDays
                }
                sites[location] = SiteInput(
                    mean: p.input.demand.perBucket, sd: p.input.demand.standardDeviationPerBucket, leadTime: ss.leadTimeBuckets,
                    review: ss.reviewBuckets, serviceLevel: p.final.serviceLevel, held: p.final.safetyStock,
                    transferDaysObserved: lane?.observedDays, transferReferences: lane?.observedReferences ?? 0)
            }
            guard sites.count == tree.order.count else { continue }
            do {
                var line = try evaluate(
                    itemId: item.id, category: item.category, unitCost: unitCost, holdingCostRate: settings.holdingCostRate,
                    bucketDays: bucketDays, transferFloorDays: settings.network.transferLeadTimeDays, tree: tree, sites: sites)
                addSerialComparison(
                    to: &line, tree: tree, holdingCostRate: settings.holdingCostRate,
                    transferCostRate: settings.preposition.transferCostRate, bucketDays: bucketDays)
                lines.append(line)
            } catch {
                throw PolicyError(code: error.code, message: "\(item.id): \(error.message)")
            }
        }
        return MultiEchelonDocument(
            asOf: snapshot.asOf.description, period: settings.bucket.rawValue,
            transferLeadTimeDays: settings.network.transferLeadTimeDays,
            transferCostRate: settings.preposition.transferCostRate, locations: snapshot.locations.map(\.id),
            itemsWithLanes: lanesByItem.count, lines: lines, skipped: skipped)
    }

    /// One item over `tree`; `sites` holds every location of the tree. Periods are `bucketDays` long.
    public static func evaluate(
        itemId: String, category: String, unitCost: Double, holdingCostRate: Double, bucketDays: Double,
        transferFloorDays: Double, tree: EchelonTree, sites: [String: SiteInput]
    ) throws(PolicyError) -> MultiEchelonDocument.Line {
        guard bucketDays.isFinite, bucketDays > 0 else {
            throw PolicyError(code: .invalidInput, message: "the period length must be > 0 days, got \(bucketDays)")
        }
        var inputs: [SiteInput] = []
        for location in tree.order {
            guard let site = sites[location] else {
                throw PolicyError(code: .invalidInput, message: "no inputs for \(location), a location of the tree")
            }
            inputs.append(site)
        }
        let alpha = inputs.map(\.serviceLevel).max() ?? 0
        guard alpha > 0, alpha < 1 else {
            throw PolicyError(code: .invalidInput, message: "the service level must be in (0, 1), got \(alpha)")
        }
        let z = StandardNormal.quantile(alpha)
        let holding = unitCost * holdingCostRate
        let n = tree.order.count
        let position = Dictionary(uniqueKeysWithValues: tree.order.enumerated().map { ($1, $0) })
        var hasChildren = Array(repeating: false, count: n)
        for (p, location) in tree.order.enumerated() {
            if let up = tree.upstream[location], let q = position[up] {
                hasChildren[q] = true
            } else if p != 0 {
                throw PolicyError(code: .invalidInput, message: "\(location) has no upstream location in the tree")
            }
        }
        // Stage p: location p of the tree's order; stage n + p: the own demand of location p when it supplies others.
        var stages: [GuaranteedServiceStage] = []
        var transferDays: [Double?] = []
        var processing: [Int] = []
        for (p, location) in tree.order.enumerated() {
            let site = inputs[p]
            var days: Double? = nil
            var lead = site.leadTime
            if p > 0 {
                let used = max(site.transferDaysObserved ?? 0, transferFloorDays)
                days = used
                lead = used / bucketDays
            }
            let periods = try wholePeriods(lead + site.review, location)
            transferDays.append(days)
            processing.append(periods)
            let predecessors = tree.upstream[location].flatMap { position[$0] }.map { [$0] } ?? []
            stages.append(
                GuaranteedServiceStage(
                    index: p, predecessors: predecessors, localHoldingCost: holding, processingTime: periods,
                    demandBoundConstant: z, externalOutboundCst: hasChildren[p] ? nil : 0,
                    demandMean: hasChildren[p] ? nil : site.mean, demandStandardDeviation: hasChildren[p] ? nil : site.sd))
        }
        for p in 0..<n where hasChildren[p] {
            stages.append(
                GuaranteedServiceStage(
                    index: n + p, predecessors: [p], localHoldingCost: holding, processingTime: 0, demandBoundConstant: z,
                    externalOutboundCst: 0, demandMean: inputs[p].mean, demandStandardDeviation: inputs[p].sd))
        }
        let solution = try GuaranteedServiceModel.optimize(GuaranteedServiceInput(nodes: stages))
        let byIndex = Dictionary(uniqueKeysWithValues: solution.stages.map { ($0.index, $0) })
        var result: [MultiEchelonDocument.Site] = []
        for (p, location) in tree.order.enumerated() {
            let site = inputs[p]
            let stage = byIndex[p]!
            let own = hasChildren[p] ? byIndex[n + p] : nil
            result.append(
                MultiEchelonDocument.Site(
                    locationId: location, upstreamLocationId: tree.upstream[location],
                    replenishment: p == 0 ? "source" : "transfer",
                    transferDaysObserved: p == 0 ? nil : site.transferDaysObserved,
                    transferReferences: p == 0 ? 0 : site.transferReferences, transferDays: transferDays[p],
                    processingPeriods: processing[p], demandPerPeriod: site.mean, sdPerPeriod: site.sd,
                    serviceLevel: site.serviceLevel, protectionPeriods: site.leadTime + site.review,
                    committedServiceTime: stage.outboundCst, inboundServiceTime: stage.inboundCst,
                    netReplenishmentTime: stage.netLeadTime, safetyStock: stage.safetyStock, baseStockLevel: stage.baseStockLevel,
                    ownDemandNetReplenishmentTime: own?.netLeadTime, ownDemandSafetyStock: own?.safetyStock,
                    ownDemandBaseStockLevel: own?.baseStockLevel, safetyStockEchelon: stage.safetyStock + (own?.safetyStock ?? 0),
                    safetyStockHeld: site.held,
                    safetyStockSingleStage: z * site.sd * max(0, site.leadTime + site.review).squareRoot()))
        }
        let held = result.map(\.safetyStockHeld).reduce(0, +)
        let single = result.map(\.safetyStockSingleStage).reduce(0, +)
        let echelon = result.map(\.safetyStockEchelon).reduce(0, +)
        return MultiEchelonDocument.Line(
            itemId: itemId, category: category, unitCost: unitCost, hubLocationId: tree.root, serviceLevel: alpha,
            stages: stages.count, ignoredLanes: tree.ignoredLanes, sites: result, safetyStockHeld: held,
            safetyStockSingleStage: single, safetyStockEchelon: echelon, savingUnits: single - echelon,
            savingValue: (single - echelon) * unitCost, heldMinusEchelonUnits: held - echelon,
            heldMinusEchelonValue: (held - echelon) * unitCost)
    }

    /// A time in periods rounded up to whole periods (a hair above a whole number stays it).
    private static func wholePeriods(_ periods: Double, _ location: String) throws(PolicyError) -> Int {
        guard periods.isFinite, periods >= 0, periods <= 100_000 else {
            throw PolicyError(
                code: .invalidInput,
                message: "\(location): lead time plus review period is \(periods) periods — expected 0 to 100000")
        }
        return Int((periods - 1e-9).rounded(.up))
    }
}
