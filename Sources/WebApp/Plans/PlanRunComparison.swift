public import Storage

/// Two stored plan runs side by side: how many item-locations' policies changed, and the
/// safety-stock and policy inventory values of both (the totals of `GET /api/v1/plan-runs/compare`).
public struct PlanRunComparison: Sendable, Hashable {
    /// The run compared against.
    public var base: Int
    /// The run compared.
    public var other: Int
    /// Item-locations with a policy in each run.
    public var itemLocationsBase: Int
    /// Item-locations with a policy in the other run.
    public var itemLocationsOther: Int
    /// Item-locations whose final forecast, safety stock, reorder point, order quantity, min or max differ.
    public var changedItemLocations: Int
    /// Changed values per parameter (`safety_stock`, `reorder_point`, …).
    public var changesByParameter: [String: Int]
    /// Σ safety stock × unit cost in the base run.
    public var safetyStockValueBase: Double
    /// Σ safety stock × unit cost in the other run.
    public var safetyStockValueOther: Double
    /// Σ average inventory value implied by the policies (safety stock + half the order quantity) in the base run.
    public var policyValueBase: Double
    /// The same in the other run.
    public var policyValueOther: Double

    /// Compares the stored runs numbered `base` and `other`.
    ///
    /// - Throws: ``StorageError`` when either run does not exist.
    public static func compare(store: Store, base: Int, other: Int) async throws -> PlanRunComparison {
        let runs = try await store.listPlanRuns()
        func record(_ number: Int) throws -> PlanRunRecord {
            guard let run = runs.first(where: { $0.runNumber == number }) else {
                let known = runs.map(\.runNumber).sorted().map(String.init).joined(separator: ", ")
                throw StorageError(.database, "no plan run \(number) — stored runs: \(known.isEmpty ? "none" : known)")
            }
            return run
        }
        let c = try await PlanRunRoutes.comparison(store: store, base: try record(base), other: try record(other))
        var byParameter: [String: Int] = [:]
        for change in c.changes { byParameter[change.parameter, default: 0] += 1 }
        let t = c.totals
        return PlanRunComparison(
            base: base, other: other, itemLocationsBase: t.itemLocationsBase, itemLocationsOther: t.itemLocationsOther,
            changedItemLocations: t.changedItemLocations, changesByParameter: byParameter,
            safetyStockValueBase: t.safetyStockValueBase, safetyStockValueOther: t.safetyStockValueOther,
            policyValueBase: t.policyValueBase, policyValueOther: t.policyValueOther)
    }
}
