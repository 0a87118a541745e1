public import InventoryCore
public import Planning

extension KPIItemLocation {
    /// The KPI input of a stored item-location: its `classification` and `policy` payloads
    /// (``PlanRecorder``), with the snapshot's indexes; `nil` when the item or location is no
    /// longer in the snapshot.
    public init?(classification: ClassificationPayload, policy: PolicyPayload, snapshot: Snapshot) {
        guard let item = snapshot.itemIndex(id: policy.itemId), let location = snapshot.locationIndex(id: policy.locationId),
            let abc = ABCClass(rawValue: classification.abc), let xyz = XYZClass(rawValue: classification.xyz)
        else { return nil }
        self.init(
            item: item, location: location, abc: abc, xyz: xyz, annualValue: classification.annualValue,
            policyType: PolicyType(rawValue: policy.policyType) ?? .none, onHand: policy.onHand,
            reorderPoint: policy.final.reorderPoint,
            orderUpToLevel: policy.final.orderUpToLevel, demandPerBucket: policy.demandPerBucket, unitCost: policy.unitCost,
            flaggedOverrides: policy.overrides.filter(\.flagged).map(\.parameter),
            averageInventoryValue: policy.averageInventoryValue)
    }
}

extension Store {
    /// The KPIs of the latest stored plan run, on the database's data as it is now
    /// (``Planning/InventoryKPIs``: the same figures as `procura kpis` on a data folder and the
    /// web dashboard). Without a stored run, only the stock is valued.
    public func inventoryKPIs(configuration: InventoryKPIs.Configuration = .init()) async throws -> InventoryKPIs {
        let settings = try await planningSettings()
        let snapshot = try await loadSnapshot(settings: settings)
        guard let run = try await listPlanRuns().first else {
            return InventoryKPIs(snapshot: snapshot, itemLocations: [], configuration: configuration)
        }
        var classifications: [String: ClassificationPayload] = [:]
        var policies: [PolicyPayload] = []
        for result in try await planResults(runNumber: run.runNumber) {
            switch result.kind {
            case "classification":
                classifications[result.itemID + "\u{1F}" + result.locationID] = try PlanRecorder.decode(
                    ClassificationPayload.self, from: result.payload)
            case "policy": policies.append(try PlanRecorder.decode(PolicyPayload.self, from: result.payload))
            default: continue
            }
        }
        let rows = policies.compactMap { p in
            classifications[p.itemId + "\u{1F}" + p.locationId].flatMap {
                KPIItemLocation(classification: $0, policy: p, snapshot: snapshot)
            }
        }
        return InventoryKPIs(snapshot: snapshot, itemLocations: rows, runNumber: run.runNumber, configuration: configuration)
    }
}
