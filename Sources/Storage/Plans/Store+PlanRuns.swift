public import InventoryCore
import SQLKit

extension Store {
    /// Saves a plan run and its results as the next numbered run, in one transaction.
    public func savePlanRun(
        asOf: Day, label: String = "", settings: String = "", summary: String = "", results: [PlanResultRow]
    ) async throws -> PlanRunRecord {
        try await backend.transaction { db in
            let last =
                try await db.raw("SELECT MAX(run_number) AS n FROM plan_runs").first()?.decode(column: "n", as: Int?.self) ?? nil
            let number = (last ?? 0) + 1
            let createdAt = clock.now().iso8601
            guard
                let row = try await db.raw(
                    """
                    INSERT INTO plan_runs (run_number, created_at, as_of, label, status, settings, summary) VALUES \
                    (\(bind: number), \(bind: createdAt), \(bind: asOf.description), \(bind: label), 'complete', \(bind: settings), \
                    \(bind: summary)) RETURNING run_id
                    """
                ).first()
            else {
                throw StorageError(.database, "saving plan run \(number): the database returned no id")
            }
            let runID = try row.decode(column: "run_id", as: Int64.self)
            var bulk = BulkWriter(
                db: db, table: "plan_results", columns: ["run_id", "item_id", "location_id", "kind", "payload"],
                key: ["run_id", "item_id", "location_id", "kind"])
            for r in results { try await bulk.append([runID, r.itemID, r.locationID, r.kind, r.payload]) }
            try await bulk.flush()
            return PlanRunRecord(
                runID: runID, runNumber: number, createdAt: createdAt, asOf: asOf, label: label, status: "complete",
                settings: settings,
                summary: summary, resultCount: results.count)
        }
    }

    /// Every plan run, newest first.
    public func listPlanRuns() async throws -> [PlanRunRecord] {
        try await backend.read { db in
            try await db.raw(
                """
                SELECT r.run_id, r.run_number, r.created_at, r.as_of, r.label, r.status, r.settings, r.summary, \
                (SELECT COUNT(*) FROM plan_results p WHERE p.run_id = r.run_id) AS results FROM plan_runs r ORDER BY r.run_number DESC
                """
            ).all().map { row in
                PlanRunRecord(
                    runID: try row.decode(column: "run_id", as: Int64.self),
                    runNumber: try row.decode(column: "run_number", as: Int.self),
                    createdAt: try row.decode(column: "created_at", as: String.self),
                    asOf: Day(iso: try row.decode(column: "as_of", as: String.self)) ?? Day(daysSinceEpoch: 0),
                    label: try row.decode(column: "label", as: String.self),
                    status: try row.decode(column: "status", as: String.self),
                    settings: try row.decode(column: "settings", as: String.self),
                    summary: try row.decode(column: "summary", as: String.self),
                    resultCount: try row.decode(column: "results", as: Int.self))
            }
        }
    }

    /// The results of a run by number, optionally of one kind, ordered by item, location, kind.
    public func planResults(runNumber: Int, kind: String? = nil) async throws -> [PlanResultRow] {
        try await backend.read { db in
            var query: SQLQueryString = """
                SELECT p.item_id, p.location_id, p.kind, p.payload FROM plan_results p JOIN plan_runs r ON r.run_id = p.run_id \
                WHERE r.run_number = \(bind: runNumber)
                """
            if let kind { query += " AND p.kind = \(bind: kind)" }
            query += " ORDER BY p.item_id, p.location_id, p.kind"
            return try await db.raw(query).all().map { row in
                PlanResultRow(
                    itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self),
                    kind: try row.decode(column: "kind", as: String.self),
                    payload: try row.decode(column: "payload", as: String.self))
            }
        }
    }
}
