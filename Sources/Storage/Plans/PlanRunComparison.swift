import Foundation

/// Two stored plan runs side by side: per item-location the final policy values that differ
/// (forecast per bucket, safety stock, reorder point, order quantity, min, max), and the
/// safety-stock and policy inventory values of both runs.
public struct PlanRunComparison: Sendable, Hashable {
    /// One value that differs between the runs (`nil` on the side without that item-location).
    public struct Change: Sendable, Hashable {
        /// The item.
        public var itemID: String
        /// The location.
        public var locationID: String
        /// `forecast_per_bucket`, `safety_stock`, `reorder_point`, `order_quantity`, `min` or `max`.
        public var parameter: String
        /// The value in the base run.
        public var base: Double?
        /// The value in the other run.
        public var other: Double?
        /// other − base, when both exist.
        public var difference: Double? { base.flatMap { b in other.map { $0 - b } } }
    }

    /// The run compared against.
    public var base: Int
    /// The run compared.
    public var other: Int
    /// Item-locations with a policy in the base run.
    public var itemLocationsBase: Int
    /// Item-locations with a policy in the other run.
    public var itemLocationsOther: Int
    /// Item-locations with at least one change.
    public var changedItemLocations: Int
    /// The changes, by item, location and parameter.
    public var changes: [Change]
    /// Σ safety stock × unit cost in the base run.
    public var safetyStockValueBase: Double
    /// Σ safety stock × unit cost in the other run.
    public var safetyStockValueOther: Double
    /// Σ average inventory value implied by the policies (safety stock + half the order quantity) in the base run.
    public var policyValueBase: Double
    /// The same in the other run.
    public var policyValueOther: Double

    /// Changed values per parameter.
    public var changesByParameter: [String: Int] {
        var counts: [String: Int] = [:]
        for change in changes { counts[change.parameter, default: 0] += 1 }
        return counts
    }

    /// The values compared, in their order.
    static func compared(_ v: PolicyPayload.Values) -> [(String, Double)] {
        [
            ("forecast_per_bucket", v.forecastPerBucket), ("safety_stock", v.safetyStock), ("reorder_point", v.reorderPoint),
            ("order_quantity", v.orderQuantity), ("min", v.min), ("max", v.max),
        ]
    }

    /// Compares the stored runs numbered `base` and `other`; values equal to 1e-9 relative count as equal.
    ///
    /// - Throws: ``StorageError`` when either run does not exist.
    public static func compare(store: Store, base: Int, other: Int) async throws -> PlanRunComparison {
        let runs = try await store.listPlanRuns()
        for number in [base, other] where !runs.contains(where: { $0.runNumber == number }) {
            let known = runs.map(\.runNumber).sorted().map(String.init).joined(separator: ", ")
            throw StorageError(.database, "no plan run \(number) — stored runs: \(known.isEmpty ? "none" : known)")
        }
        func policies(_ run: Int) async throws -> [String: PolicyPayload] {
            var out: [String: PolicyPayload] = [:]
            for row in try await store.planResults(runNumber: run, kind: "policy") {
                out[row.itemID + "\u{1F}" + row.locationID] = try PlanRecorder.decode(PolicyPayload.self, from: row.payload)
            }
            return out
        }
        let a = try await policies(base)
        let b = try await policies(other)
        var changes: [Change] = []
        var changed = Set<String>()
        for key in Set(a.keys).union(b.keys).sorted() {
            let x = a[key]
            let y = b[key]
            let ids = (x ?? y).map { ($0.itemId, $0.locationId) } ?? ("", "")
            let xs = x.map { compared($0.final) }
            let ys = y.map { compared($0.final) }
            for k in 0..<6 {
                let name = (xs ?? ys)?[k].0 ?? ""
                let u = xs?[k].1
                let v = ys?[k].1
                if let u, let v, abs(u - v) <= 1e-9 * max(1, abs(u), abs(v)) { continue }
                changed.insert(key)
                changes.append(Change(itemID: ids.0, locationID: ids.1, parameter: name, base: u, other: v))
            }
        }
        func value(_ m: [String: PolicyPayload], _ f: (PolicyPayload) -> Double) -> Double {
            m.sorted { $0.key < $1.key }.reduce(0) { $0 + f($1.value) }
        }
        return PlanRunComparison(
            base: base, other: other, itemLocationsBase: a.count, itemLocationsOther: b.count,
            changedItemLocations: changed.count,
            changes: changes, safetyStockValueBase: value(a) { $0.final.safetyStock * $0.unitCost },
            safetyStockValueOther: value(b) { $0.final.safetyStock * $0.unitCost },
            policyValueBase: value(a) { $0.averageInventoryValue }, policyValueOther: value(b) { $0.averageInventoryValue })
    }
}
