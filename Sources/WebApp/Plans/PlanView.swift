import Foundation
import InventoryCore
import Planning
import Storage
import Synchronization

/// What the web application shows, in memory: the master data and history of the database (read
/// once as a ``Snapshot``) and the results of the latest stored plan run, decoded and indexed.
///
/// Immutable once built; a new one replaces it when a plan run is stored (``PlanViewCache``), so
/// requests read it without a database round trip. Only the rendered API responses are filled in
/// lazily (``policyResponse(row:)``).
final class PlanView: Sendable {
    /// One item-location of the latest run.
    struct Row: Sendable {
        var itemID: String
        var locationID: String
        /// Index into the snapshot's items.
        var item: Int
        /// Index into the snapshot's locations.
        var location: Int
        /// Row of the snapshot's demand history (`nil`: no history).
        var historyRow: Int?
        var classification: ClassificationPayload
        var policy: PolicyPayload
        /// The stored JSON of ``policy``.
        var policyJSON: String
        var forecast: ForecastPayload?
        /// Suppliers with a sourcing rule for this item-location.
        var suppliers: [String]
    }

    let snapshot: Snapshot
    let run: PlanRunRecord?
    let rows: [Row]
    let currency: String
    /// When the view was built (ISO 8601 UTC).
    let builtAt: String
    private let rowByKey: [String: Int]
    let rowsByItem: [String: [Int]]
    /// Item-location rows each supplier has a sourcing rule for.
    let rowsBySupplier: [String: [Int]]
    /// Items each supplier supplies (any location).
    let itemsBySupplier: [String: Set<String>]
    let categories: [String]
    private let responses: Mutex<[Int: String]>
    private let kpiCache: Mutex<InventoryKPIs?>
    private let memos: Mutex<[String: any Sendable]>

    init(snapshot: Snapshot, run: PlanRunRecord?, results: [PlanResultRow], currency: String, builtAt: Timestamp) throws {
        self.snapshot = snapshot
        self.run = run
        self.currency = currency
        self.builtAt = builtAt.iso8601
        var classifications: [String: ClassificationPayload] = [:]
        var forecasts: [String: ForecastPayload] = [:]
        var policies: [(String, PolicyPayload, String)] = []
        for result in results {
            let key = Self.key(result.itemID, result.locationID)
            let data = result.payload
            switch result.kind {
            case "classification": classifications[key] = try PlanRecorder.decode(ClassificationPayload.self, from: data)
            case "forecast": forecasts[key] = try PlanRecorder.decode(ForecastPayload.self, from: data)
            case "policy": policies.append((key, try PlanRecorder.decode(PolicyPayload.self, from: data), result.payload))
            default: continue
            }
        }
        var sourcingSuppliers: [ItemLocation: [String]] = [:]
        for rule in snapshot.sourcing where Int(rule.supplier) < snapshot.suppliers.count {
            sourcingSuppliers[ItemLocation(item: rule.item, location: rule.location), default: []].append(
                snapshot.suppliers[Int(rule.supplier)].id)
        }
        var rows: [Row] = []
        rows.reserveCapacity(policies.count)
        for (key, policy, json) in policies {
            guard let classification = classifications[key], let item = snapshot.itemIndex(id: policy.itemId),
                let location = snapshot.locationIndex(id: policy.locationId)
            else { continue }
            let itemLocation = ItemLocation(item: item, location: location)
            rows.append(
                Row(
                    itemID: policy.itemId, locationID: policy.locationId, item: Int(item), location: Int(location),
                    historyRow: snapshot.demand.row(of: itemLocation), classification: classification, policy: policy,
                    policyJSON: json,
                    forecast: forecasts[key], suppliers: sourcingSuppliers[itemLocation] ?? []))
        }
        rows.sort { ($0.itemID, $0.locationID) < ($1.itemID, $1.locationID) }
        self.rows = rows
        var rowByKey: [String: Int] = [:]
        var rowsByItem: [String: [Int]] = [:]
        var rowsBySupplier: [String: [Int]] = [:]
        var itemsBySupplier: [String: Set<String>] = [:]
        for (r, row) in rows.enumerated() {
            rowByKey[Self.key(row.itemID, row.locationID)] = r
            rowsByItem[row.itemID, default: []].append(r)
            for supplier in Set(row.suppliers) {
                rowsBySupplier[supplier, default: []].append(r)
                itemsBySupplier[supplier, default: []].insert(row.itemID)
            }
        }
        // Items supplied somewhere without a plan row still belong to their suppliers.
        for rule in snapshot.sourcing where Int(rule.supplier) < snapshot.suppliers.count && Int(rule.item) < snapshot.items.count
        {
            itemsBySupplier[snapshot.suppliers[Int(rule.supplier)].id, default: []].insert(snapshot.items[Int(rule.item)].id)
        }
        self.rowByKey = rowByKey
        self.rowsByItem = rowsByItem
        self.rowsBySupplier = rowsBySupplier
        self.itemsBySupplier = itemsBySupplier
        self.categories = Array(Set(snapshot.items.map(\.category).filter { !$0.isEmpty })).sorted()
        self.responses = Mutex([:])
        self.kpiCache = Mutex(nil)
        self.memos = Mutex([:])
    }

    static func key(_ item: String, _ location: String) -> String { item + "\u{1F}" + location }

    /// The row of an item-location in the latest run.
    func row(item: String, location: String) -> Int? { rowByKey[Self.key(item, location)] }

    /// The snapshot's index of an item.
    func item(id: String) -> Item? { snapshot.itemIndex(id: id).map { snapshot.items[Int($0)] } }

    /// Whether a supplier supplies an item (at any location).
    func supplier(_ supplier: String, supplies item: String) -> Bool { itemsBySupplier[supplier]?.contains(item) ?? false }

    /// The inventory KPIs of the run (``Planning/InventoryKPIs``, through the stored payloads as
    /// ``Storage/Store/inventoryKPIs(configuration:)`` reads them), computed once per view.
    var kpis: InventoryKPIs {
        if let cached = kpiCache.withLock({ $0 }) { return cached }
        let itemLocations = rows.compactMap {
            KPIItemLocation(classification: $0.classification, policy: $0.policy, snapshot: snapshot)
        }
        let kpis = InventoryKPIs(snapshot: snapshot, itemLocations: itemLocations, runNumber: run?.runNumber)
        kpiCache.withLock { $0 = kpis }
        return kpis
    }

    /// A result computed once per view and key (reports over the snapshot that take a while:
    /// accuracy backtests, reclassification); the first caller computes it, later ones reuse it.
    func memo<T: Sendable>(_ key: String, _ make: () async throws -> T) async rethrows -> T {
        if let cached = memos.withLock({ $0[key] }) as? T { return cached }
        let value = try await make()
        memos.withLock { $0[key] = value }
        return value
    }

    /// The policy response of a row (`GET …/policy`), rendered once and kept.
    func policyResponse(row r: Int) -> String {
        if let cached = responses.withLock({ $0[r] }) { return cached }
        let row = rows[r]
        var text = "{\"run_number\":\(run?.runNumber ?? 0),\"as_of\":\"\(snapshot.asOf)\",\"currency\":"
        text += JSONValue.quoted(currency)
        text += ",\"policy\":"
        text += row.policyJSON
        text += "}"
        responses.withLock { $0[r] = text }
        return text
    }

    /// The demand history of a row, oldest first: the complete buckets, with each bucket's first day.
    func history(row r: Int) -> [(start: Day, quantity: Double, stockoutDays: Int)] {
        guard let h = rows[r].historyRow else { return [] }
        let demand = snapshot.demand
        let complete = demand.completeBucketCount
        return (0..<complete).map { c in
            (
                demand.firstDay(ofColumn: c), demand.quantities[h * demand.bucketCount + c],
                Int(demand.stockoutDays?[h * demand.bucketCount + c] ?? 0)
            )
        }
    }

    /// Builds the view of the database's latest plan run (or of no run).
    static func load(from store: Store) async throws -> PlanView {
        let settings = try await store.planningSettings()
        let snapshot = try await store.loadSnapshot(settings: settings)
        let run = try await store.listPlanRuns().first
        var results: [PlanResultRow] = []
        if let run { results = try await store.planResults(runNumber: run.runNumber) }
        return try PlanView(
            snapshot: snapshot, run: run, results: results, currency: settings.currency, builtAt: store.clock.now())
    }
}

/// Holds the current ``PlanView``; replaced (never changed) when a plan run is stored.
final class PlanViewCache: Sendable {
    private let current: Mutex<PlanView>

    init(_ view: PlanView) { current = Mutex(view) }

    var view: PlanView { current.withLock { $0 } }

    func replace(with view: PlanView) { current.withLock { $0 = view } }
}
