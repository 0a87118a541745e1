public import InventoryCore
public import InventoryPolicy

/// Centralisation against decentralisation over the company's locations (docs/risk.md, "Network
/// report"): for every item the plan stocks at two or more locations, the safety stock held per
/// location against one pooled stock at a central site, by ``InventoryPolicy/RiskPooling`` (one home
/// of the pooling maths):
///
/// - per location: μᵢ and σᵢ per period = the policy's demand estimate; Lᵢ = the policy's protection
///   interval (lead time + review period) in periods; the safety stock held = the policy's final value;
/// - correlation ρ: Pearson on the per-period demand history of the locations over the complete
///   periods they all have (from the latest first demand among them to the last complete period);
///   with fewer than ``minimumOverlap`` periods the demand is taken as independent (and the line says so);
/// - central site: the location with the largest μ (ties: the smallest location id); L_c = its Lᵢ;
/// - service level α: the strictest target of the item's locations, as a cycle service level.
///
/// The transport-time trade-off is the reference's: the pipeline (mean lead-time demand) Σᵢ μᵢLᵢ
/// against (Σᵢ μᵢ)·L_c, valued at unit cost; net value = saving value − pipeline change value.
public enum NetworkReport {
    /// Periods of common history below which demand is taken as independent.
    public static let minimumOverlap = 8

    /// One location's inputs (``evaluate(itemId:category:unitCost:sites:history:)``).
    public struct SiteInput: Sendable {
        /// The location.
        public var locationId: String
        /// μᵢ per period.
        public var mean: Double
        /// σᵢ per period.
        public var sd: Double
        /// Lᵢ in periods.
        public var leadTime: Double
        /// The service target.
        public var serviceLevel: Double
        /// The safety stock held.
        public var held: Double

        /// Creates the inputs.
        public init(locationId: String, mean: Double, sd: Double, leadTime: Double, serviceLevel: Double, held: Double) {
            self.locationId = locationId
            self.mean = mean
            self.sd = sd
            self.leadTime = leadTime
            self.serviceLevel = serviceLevel
            self.held = held
        }
    }

    /// Plans `snapshot` and reports it: the one call behind `procura network`, `GET /api/v1/network`
    /// and the page.
    public static func planned(
        snapshot: Snapshot, progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> NetworkDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try run(snapshot: snapshot, plan: plan)
    }

    /// Reports every item of `plan` with a stock policy at two or more locations.
    public static func run(snapshot: Snapshot, plan: PlanResult) throws(PolicyError) -> NetworkDocument {
        var byItem: [Int32: [PlanRow]] = [:]
        for row in plan.rows where row.policy.policyType != .none { byItem[row.item, default: []].append(row) }
        let history = snapshot.demand
        let complete = history.completeBucketCount
        var lines: [NetworkDocument.Line] = []
        for (itemIndex, rows) in byItem where rows.count >= 2 {
            let item = snapshot.items[Int(itemIndex)]
            let sorted = rows.sorted { snapshot.locations[Int($0.location)].id < snapshot.locations[Int($1.location)].id }
            let sites = sorted.map { row in
                let p = row.policy
                let ss = p.evaluation.safetyStock
                return SiteInput(
                    locationId: snapshot.locations[Int(row.location)].id, mean: p.input.demand.perBucket,
                    sd: p.input.demand.standardDeviationPerBucket, leadTime: ss.leadTimeBuckets + ss.reviewBuckets,
                    serviceLevel: p.final.serviceLevel, held: p.final.safetyStock)
            }
            // The common window: from the latest first demand among the locations to the last complete period.
            var series: [[Double]]? = []
            var start = 0
            for row in sorted {
                let key = ItemLocation(item: row.item, location: row.location)
                guard let r = history.row(of: key), let first = history.firstDemandDay[r] else {
                    series = nil
                    break
                }
                start = max(start, Int(history.calendar.bucket(containing: first) - history.firstBucket))
            }
            if series != nil, complete - start >= 2 {
                series = sorted.compactMap { row in
                    history.row(of: ItemLocation(item: row.item, location: row.location)).map {
                        Array(history.quantities(row: $0).dropFirst(start).prefix(complete - start))
                    }
                }
            } else {
                series = nil
            }
            do {
                lines.append(
                    try evaluate(
                        itemId: item.id, category: item.category, unitCost: sorted[0].policy.input.unitCost, sites: sites,
                        history: series ?? []))
            } catch {
                throw PolicyError(code: error.code, message: "\(item.id): \(error.message)")
            }
        }
        return NetworkDocument(
            asOf: snapshot.asOf.description, period: snapshot.settings.bucket.rawValue, minimumOverlap: minimumOverlap,
            locations: snapshot.locations.map(\.id), lines: lines)
    }

    /// One item: `history` holds one series per site over the same periods (empty when unknown).
    public static func evaluate(
        itemId: String, category: String, unitCost: Double, sites: [SiteInput], history: [[Double]]
    ) throws(PolicyError) -> NetworkDocument.Line {
        let overlap = history.count == sites.count ? (history.first?.count ?? 0) : 0
        let measured = overlap >= minimumOverlap
        let correlation = measured ? DemandCorrelation.matrix(history) : nil
        let central =
            sites.indices.max {
                (sites[$0].mean, sites[$1].locationId) < (sites[$1].mean, sites[$0].locationId)
            } ?? 0
        let alpha = sites.map(\.serviceLevel).max() ?? 0
        let result = try RiskPooling.compare(
            RiskPoolingInput(
                means: sites.map(\.mean), sds: sites.map(\.sd), correlation: correlation,
                leadTime: .perLocation(sites.map(\.leadTime)), centralLeadTime: sites[central].leadTime,
                cycleServiceLevel: alpha))
        var pairs: [NetworkDocument.Pair] = []
        if let correlation {
            for i in sites.indices {
                for j in sites.indices where j > i {
                    pairs.append(
                        .init(locations: "\(sites[i].locationId)~\(sites[j].locationId)", correlation: correlation[i][j]))
                }
            }
        }
        let held = sites.map(\.held).reduce(0, +)
        let pipelineChange = (result.meanLeadTimeDemandCentralised - result.meanLeadTimeDemandDecentralised) * unitCost
        let savingValue = result.savingUnits * unitCost
        return NetworkDocument.Line(
            itemId: itemId, category: category, unitCost: unitCost,
            sites: sites.indices.map { i in
                NetworkDocument.Site(
                    locationId: sites[i].locationId, demandPerPeriod: sites[i].mean, sdPerPeriod: sites[i].sd,
                    leadTimePeriods: sites[i].leadTime, serviceLevel: sites[i].serviceLevel, safetyStockHeld: sites[i].held,
                    safetyStockFormula: result.safetyStockByLocation[i])
            },
            centralLocationId: sites[central].locationId, centralLeadTimePeriods: sites[central].leadTime,
            serviceLevel: alpha, overlapPeriods: overlap, correlationBasis: measured ? "measured" : "independent",
            correlations: pairs, pooledSdPerPeriod: result.sigmaPooledPerPeriod, safetyStockHeld: held,
            safetyStockDecentralised: result.safetyStockDecentralised, safetyStockPooled: result.safetyStockCentralised,
            savingUnits: result.savingUnits, savingValue: savingValue, heldMinusPooledUnits: held - result.safetyStockCentralised,
            pipelineDecentralised: result.meanLeadTimeDemandDecentralised,
            pipelineCentralised: result.meanLeadTimeDemandCentralised, pipelineChangeValue: pipelineChange,
            netValue: savingValue - pipelineChange)
    }
}
