public import InventoryCore
public import InventoryPolicy

/// Single-source and long-lead exposure of every planned item-location
/// (``InventoryPolicy/SupplyExposure``), fed from the plan:
///
/// - listed: item-locations with a stock policy and one source, or whose sources' shortest lead
///   time is at least `risk.long_lead_days`;
/// - daily demand μ = the policy's demand per period ÷ the period's average days; σ of a day = the
///   period's σ ÷ √(average days) (days independent);
/// - average inventory = the policy's safety stock + average cycle stock (final values, overrides
///   included); service level = the policy's final target;
/// - sources: the item-location's sourcing rows (catalog lead times), the disruption: `risk.*`;
/// - substitute: the item's successor stocked at the location from another supplier;
/// - supply risk: high when the Kraljic segment of its riskiest source (the plan's supplier
///   classification) is strategic or bottleneck, else low — the rows of the VED × supply-risk matrix.
public enum SupplyRiskReport {
    /// Evaluates every listed item-location of `plan`, the largest value at risk first.
    public static func run(snapshot: Snapshot, plan: PlanResult) throws(PolicyError) -> SupplyRiskDocument {
        let settings = snapshot.settings.risk
        let days = snapshot.settings.bucket.averageDays
        var suppliersAt: [ItemLocation: Set<Int32>] = [:]
        for rule in snapshot.sourcing {
            suppliersAt[ItemLocation(item: rule.item, location: rule.location), default: []].insert(rule.supplier)
        }
        var segments: [Int32: SupplierClassification] = [:]
        for c in plan.classification.suppliers { segments[c.supplier] = c }
        var lines: [SupplyRiskDocument.Line] = []
        var planned = 0
        for row in plan.rows {
            let policy = row.policy
            guard policy.policyType != .none, !policy.input.sources.isEmpty else { continue }
            planned += 1
            let sources = policy.input.sources
            let leads = sources.map(\.rule.leadTimeDays)
            let single = Set(sources.map(\.rule.supplier)).count == 1
            guard single || (leads.min() ?? 0) >= Double(settings.longLeadDays) else { continue }
            let item = snapshot.items[Int(row.item)]
            let location = snapshot.locations[Int(row.location)]
            let ownSuppliers = Set(sources.map(\.rule.supplier))
            let substitute = item.successor.flatMap { successor in
                suppliersAt[ItemLocation(item: successor, location: row.location)].flatMap {
                    $0.subtracting(ownSuppliers).isEmpty ? nil : snapshot.items[Int(successor)].id
                }
            }
            // The riskiest source's Kraljic segment: strategic and bottleneck supply is high risk.
            let riskiest = sources.compactMap { segments[$0.rule.supplier] }.max { $0.riskScore < $1.riskScore }
            let segment = riskiest?.segment
            let input = SupplyExposure.Input(
                dailyDemand: policy.input.demand.perBucket / days,
                dailyDemandSD: policy.input.demand.standardDeviationPerBucket / days.squareRoot(),
                averageInventory: policy.averageInventory, sourceLeadTimesDays: single ? [leads.min() ?? 0] : leads,
                serviceLevel: policy.final.serviceLevel, unitCost: policy.input.unitCost,
                holdingCostRate: policy.input.holdingCostRate, substituteAvailable: substitute != nil, settings: settings)
            let result: SupplyExposure.Result
            do {
                result = try SupplyExposure.evaluate(input)
            } catch {
                throw PolicyError(code: error.code, message: "\(item.id) at \(location.id): \(error.message)")
            }
            lines.append(
                SupplyRiskDocument.Line(
                    itemId: item.id, locationId: location.id, category: item.category,
                    criticality: item.criticality.rawValue, class: policy.input.abc.rawValue,
                    suppliers: sources.map(\.supplierID), supplierSegment: segment?.rawValue ?? "",
                    supplyRisk: segment == .strategic || segment == .bottleneck ? "high" : "low",
                    singleSource: single, leadTimeDays: leads.min() ?? 0,
                    dailyDemand: input.dailyDemand, averageInventory: input.averageInventory,
                    onHand: row.onHand, serviceLevel: input.serviceLevel,
                    timeToSurviveDays: result.timeToSurviveDays, timeToRecoverDays: result.timeToRecoverDays,
                    exposed: result.exposed, shortfall: result.shortfall, valueAtRisk: result.valueAtRisk,
                    bufferToSurvive: result.bufferToSurvive, extraBuffer: result.extraBuffer,
                    extraBufferValue: result.extraBufferValue, extraBufferHoldingCost: result.extraBufferHoldingCost,
                    recommendation: result.recommendation.rawValue, substituteItemId: substitute))
        }
        lines.sort { ($0.valueAtRisk, $1.itemId, $1.locationId) > ($1.valueAtRisk, $0.itemId, $0.locationId) }
        return SupplyRiskDocument(
            asOf: snapshot.asOf.description, settings: settings, plannedItemLocations: planned, lines: lines)
    }

    /// Plans `snapshot` and evaluates it: the one call behind `procura risk`,
    /// `GET /api/v1/risk/exposure` and the page.
    public static func planned(
        snapshot: Snapshot, progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> SupplyRiskDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try run(snapshot: snapshot, plan: plan)
    }
}
