public import InventoryCore
public import InventoryPolicy
public import Planning

extension RequirementPolicy {
    /// The requirement policy of a stored item-location: its `classification`, `policy` and
    /// `forecast` payloads (``PlanRecorder``) with the snapshot's indexes and sourcing (MOQ, order
    /// multiple, prices and lead times by `policy.lead_time_source`, from
    /// ``Planning/InventoryCore/Snapshot/policySources()``, keyed by item-location in `sources`);
    /// `nil` when the item or location is no longer in the snapshot.
    public init?(
        classification: ClassificationPayload, policy: PolicyPayload, forecast: ForecastPayload?, snapshot: Snapshot,
        sources: [ItemLocation: [PolicySource]]
    ) {
        guard let item = snapshot.itemIndex(id: policy.itemId), let location = snapshot.locationIndex(id: policy.locationId)
        else { return nil }
        let settings = snapshot.settings
        let rules = sources[ItemLocation(item: item, location: location)] ?? []
        let unitCost = snapshot.items[Int(item)].unitCost
        let requirementSources = policy.suppliers.map { split -> RequirementSource in
            let role = SourceAllocation.Role(rawValue: split.role) ?? .overflow
            let source = rules.first { $0.supplierID == split.supplierId && !split.supplierId.isEmpty }
            // The default source of an unsourced item-location, as the policy engine makes it.
            let rule =
                source?.rule
                ?? SourcingRule(
                    item: -1, location: -1, supplier: -1, purchaseUOM: "", leadTimeDays: settings.policy.defaultLeadTimeDays,
                    unitPrice: unitCost)
            let unitsPerPurchaseUnit = source?.unitsPerPurchaseUnit ?? 1
            let terms = LotSizeTerms(
                annualDemand: policy.demandPerBucket * settings.bucket.bucketsPerYear / unitsPerPurchaseUnit,
                orderCost: settings.orderCost, holdingCostRate: settings.holdingCostRate, rule: rule,
                freight: settings.policy.freight[split.supplierId])
            return RequirementSource(
                supplierID: source?.supplierID ?? "", role: role, weight: split.weight, leadTimeDays: rule.leadTimeDays,
                unitsPerPurchaseUnit: unitsPerPurchaseUnit, purchaseUOM: split.purchaseUom, terms: terms)
        }
        self.init(
            item: item, location: location, policyType: PolicyType(rawValue: policy.policyType) ?? .none,
            strategy: ProcurementStrategy(rawValue: classification.strategy) ?? .reorderPoint,
            safetyStock: policy.final.safetyStock, reorderPoint: policy.final.reorderPoint,
            orderQuantity: policy.final.orderQuantity, forecast: forecast?.values ?? [], sources: requirementSources)
    }

    /// The snapshot's policy sources per item-location (the `sources` argument above).
    public static func sourcesByItemLocation(_ snapshot: Snapshot) -> [ItemLocation: [PolicySource]] {
        var grouped: [ItemLocation: [PolicySource]] = [:]
        for source in snapshot.policySources() {
            grouped[ItemLocation(item: source.rule.item, location: source.rule.location), default: []].append(source)
        }
        return grouped
    }
}

extension Store {
    /// Net requirements and proposed purchase orders of the latest stored plan run, on the
    /// database's data as it is now (``Planning/ProcurementRun``: the same rules as `procura
    /// proposals` on a data folder and the web's proposals).
    ///
    /// - Throws: ``StorageError`` without a stored plan run; ``Planning/ProcurementError`` for a
    ///   horizon longer than the run's forecasts.
    public func procurementPlan(configuration: ProcurementRun.Configuration? = nil) async throws -> ProcurementPlan {
        let settings = try await planningSettings()
        let snapshot = try await loadSnapshot(settings: settings)
        guard let run = try await listPlanRuns().first else {
            throw StorageError(.database, "no plan run stored — run `procura plan --database` first; proposals net its policies")
        }
        var classifications: [String: ClassificationPayload] = [:]
        var forecasts: [String: ForecastPayload] = [:]
        var policies: [PolicyPayload] = []
        for result in try await planResults(runNumber: run.runNumber) {
            let key = result.itemID + "\u{1F}" + result.locationID
            switch result.kind {
            case "classification":
                classifications[key] = try PlanRecorder.decode(ClassificationPayload.self, from: result.payload)
            case "forecast": forecasts[key] = try PlanRecorder.decode(ForecastPayload.self, from: result.payload)
            case "policy": policies.append(try PlanRecorder.decode(PolicyPayload.self, from: result.payload))
            default: continue
            }
        }
        let sources = RequirementPolicy.sourcesByItemLocation(snapshot)
        let rows = policies.compactMap { p -> RequirementPolicy? in
            let key = p.itemId + "\u{1F}" + p.locationId
            return classifications[key].flatMap {
                RequirementPolicy(classification: $0, policy: p, forecast: forecasts[key], snapshot: snapshot, sources: sources)
            }
        }
        return try ProcurementRun.run(snapshot: snapshot, policies: rows, runNumber: run.runNumber, configuration: configuration)
    }
}
