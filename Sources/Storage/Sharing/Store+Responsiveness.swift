import InventoryCore
import Planning
import SQLKit

extension Store {
    /// Each supplier's responsiveness to the forecasts shared with it
    /// (``Planning/ForecastResponsiveness``), by supplier index: every published version with its
    /// commitments. Versions of a supplier no longer in `suppliers` are left out (the snapshot has
    /// no index for it).
    static func loadResponsiveness(keys: SnapshotKeys, _ db: any SQLDatabase) async throws -> [Int32: SupplierResponsiveness] {
        struct Key: Hashable {
            var supplier: String
            var version: Int
        }
        var commitments: [Key: [Commitment]] = [:]
        var committedAt: [Key: Timestamp] = [:]
        for row in try await db.raw(
            "SELECT supplier_id, version, line, quantity, entered_at FROM shared_commitments ORDER BY supplier_id, version, line"
        ).all() {
            let key = Key(
                supplier: try row.decode(column: "supplier_id", as: String.self),
                version: try row.decode(column: "version", as: Int.self))
            let line = try row.decode(column: "line", as: Int.self)
            commitments[key, default: []].append(
                Commitment(line: line, quantity: try row.decode(column: "quantity", as: Double.self)))
            let text = try row.decode(column: "entered_at", as: String.self)
            guard let at = Timestamp(iso8601: text) else {
                throw SnapshotKeys.unresolved(
                    "shared_commitments", "\(key.supplier), \(key.version), \(line)", "entered_at", text,
                    expected: "a moment YYYY-MM-DDTHH:MM:SSZ")
            }
            committedAt[key] = max(committedAt[key] ?? at, at)
        }
        var versions: [Int32: [ForecastResponsiveness.Version]] = [:]
        for row in try await db.raw("SELECT supplier_id, version, published_at, payload FROM shared_versions").all() {
            let key = Key(
                supplier: try row.decode(column: "supplier_id", as: String.self),
                version: try row.decode(column: "version", as: Int.self))
            guard let supplier = keys.suppliers[key.supplier] else { continue }
            let text = try row.decode(column: "published_at", as: String.self)
            guard let publishedAt = Timestamp(iso8601: text) else {
                throw SnapshotKeys.unresolved(
                    "shared_versions", "\(key.supplier), \(key.version)", "published_at", text,
                    expected: "a moment YYYY-MM-DDTHH:MM:SSZ")
            }
            let forecast = try PlanRecorder.decode(SharedForecast.self, from: try row.decode(column: "payload", as: String.self))
            versions[supplier, default: []].append(
                ForecastResponsiveness.Version(
                    version: key.version, publishedAt: publishedAt, committedAt: committedAt[key], forecast: forecast,
                    commitments: commitments[key] ?? []))
        }
        return versions.compactMapValues { ForecastResponsiveness.compute($0) }
    }
}
