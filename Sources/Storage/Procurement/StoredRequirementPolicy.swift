public import InventoryCore
public import InventoryPolicy
public import Planning

/// The fields of a stored item-location that net requirements read, decoded from its `policy`,
/// `classification` and `forecast` payloads (``PlanRecorder``) without the rest — a policy payload
/// is mostly its explanation, which netting does not need.
public struct StoredRequirementFields: Sendable, Hashable {
    /// The policy payload's fields.
    struct Policy: Decodable, Sendable, Hashable {
        var itemId: String
        var locationId: String
        var policyType: String
        var demandPerBucket: Double
        var final: PolicyPayload.Values
        var suppliers: [PolicyPayload.Split]
    }
    /// The classification payload's field.
    struct Classification: Decodable, Sendable, Hashable {
        var strategy: String
    }
    /// The forecast payload's field.
    struct Forecast: Decodable, Sendable, Hashable {
        var values: [Double]
    }

    var policy: Policy
    var strategy: String
    var forecast: [Double]

    /// The fields of decoded payloads (the web's plan view keeps them whole).
    public init(classification: ClassificationPayload, policy: PolicyPayload, forecast: ForecastPayload?) {
        self.policy = Policy(
            itemId: policy.itemId, locationId: policy.locationId, policyType: policy.policyType,
            demandPerBucket: policy.demandPerBucket, final: policy.final, suppliers: policy.suppliers)
        self.strategy = classification.strategy
        self.forecast = forecast?.values ?? []
    }

    /// The fields read from the stored payload texts.
    init(classification: String, policy: String, forecast: String?) throws {
        self.policy = try PlanRecorder.decode(Policy.self, from: policy)
        self.strategy = try PlanRecorder.decode(Classification.self, from: classification).strategy
        self.forecast = try forecast.map { try PlanRecorder.decode(Forecast.self, from: $0).values } ?? []
    }
}

extension RequirementPolicy {
    /// The requirement policy of a stored item-location (``StoredRequirementFields``) with the
    /// snapshot's indexes and sourcing (MOQ, order multiple, prices and lead times by
    /// `policy.lead_time_source`, from `Snapshot.policySources()` (Planning), keyed by
    /// item-location in `sources`); `nil` when the item or location is no longer in the snapshot.
    public init?(stored: StoredRequirementFields, snapshot: Snapshot, sources: [ItemLocation: [PolicySource]]) {
        let policy = stored.policy
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
            strategy: ProcurementStrategy(rawValue: stored.strategy) ?? .reorderPoint,
            safetyStock: policy.final.safetyStock, reorderPoint: policy.final.reorderPoint,
            orderQuantity: policy.final.orderQuantity, forecast: stored.forecast, sources: requirementSources)
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
    public func procurementPlan(configuration: ProcurementRun.Configuration? = nil, storedOrders: Bool = true) async throws
        -> ProcurementPlan
    {
        let settings = try await planningSettings()
        let snapshot = try await loadSnapshot(settings: settings)
        guard let run = try await listPlanRuns().first else {
            throw StorageError(.database, "no plan run stored — run `procura plan --database` first; proposals net its policies")
        }
        // The payloads of one item-location are adjacent (ordered by item, location, kind); they
        // are decoded in parallel chunks, each row from its own texts.
        let results = try await planResults(runNumber: run.runNumber)
        var groups: [(classification: String, forecast: String?, policy: String)] = []
        var k = 0
        while k < results.count {
            var classification: String?
            var forecast: String?
            var policy: String?
            let first = results[k]
            while k < results.count, results[k].itemID == first.itemID, results[k].locationID == first.locationID {
                switch results[k].kind {
                case "classification": classification = results[k].payload
                case "forecast": forecast = results[k].payload
                case "policy": policy = results[k].payload
                default: break
                }
                k += 1
            }
            if let classification, let policy { groups.append((classification, forecast, policy)) }
        }
        let texts = groups
        let decoded = await ConcurrentChunks.map(count: texts.count) { r in
            Result {
                try StoredRequirementFields(
                    classification: texts[r].classification, policy: texts[r].policy, forecast: texts[r].forecast)
            }
        }
        let sources = RequirementPolicy.sourcesByItemLocation(snapshot)
        var rows: [RequirementPolicy] = []
        rows.reserveCapacity(decoded.count)
        for result in decoded {
            if let row = RequirementPolicy(stored: try result.get(), snapshot: snapshot, sources: sources) { rows.append(row) }
        }
        let supply = storedOrders ? try await openPurchaseOrderSupply() : []
        return try ProcurementRun.run(
            snapshot: snapshot, policies: rows, runNumber: run.runNumber, configuration: configuration, storedOrders: supply)
    }
}
