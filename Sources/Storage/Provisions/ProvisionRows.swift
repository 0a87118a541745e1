import InventoryCore
import Planning
import SQLKit

/// The SQL of provision runs inside an open transaction or read. Amounts are stored in
/// ten-thousandths (``InventoryCore/FixedPoint/moneyScale``) and are whole cents.
enum ProvisionRows {
    /// Ten-thousandths per cent.
    static let perCent: Int64 = FixedPoint.moneyScale / 100

    static let runColumns = """
        run_id, month, state, as_of, account, currency, created_by, created_at, approved_by, approved_at, \
        previous_run_id, total, previous_total, version
        """

    /// The run `runID` (with its lines when `lines`), or `nil`.
    static func load(_ runID: String, lines: Bool, _ db: any SQLDatabase) async throws -> ProvisionRun? {
        guard
            let row = try await db.raw("SELECT \(unsafeRaw: runColumns) FROM provision_runs WHERE run_id = \(bind: runID)")
                .first()
        else { return nil }
        var run = try decode(row)
        if lines { run.lines = try await self.lines(runID, db) }
        return run
    }

    /// The approved run of the latest month before `month` (any month when `nil`), without lines.
    static func latestApproved(before month: String?, _ db: any SQLDatabase) async throws -> ProvisionRun? {
        var query = SQLQueryString("SELECT \(unsafeRaw: runColumns) FROM provision_runs WHERE state = 'approved'")
        if let month { query += " AND month < \(bind: month)" }
        query += " ORDER BY month DESC LIMIT 1"
        return try await db.raw(query).first().map(decode)
    }

    /// The lines of `runID`, by item and location.
    static func lines(_ runID: String, _ db: any SQLDatabase) async throws -> [ProvisionRun.Line] {
        try await db.raw(
            """
            SELECT item_id, location_id, category, abc_class, basis, gross_value, provision, previous_provision \
            FROM provision_lines WHERE run_id = \(bind: runID) ORDER BY item_id, location_id
            """
        ).all().map { row in
            ProvisionRun.Line(
                itemID: try row.decode(column: "item_id", as: String.self),
                locationID: try row.decode(column: "location_id", as: String.self),
                category: try row.decode(column: "category", as: String.self),
                abcClass: try row.decode(column: "abc_class", as: String.self),
                basis: try row.decode(column: "basis", as: String.self),
                grossCents: try row.decode(column: "gross_value", as: Int64.self) / perCent,
                provisionCents: try row.decode(column: "provision", as: Int64.self) / perCent,
                previousCents: try row.decode(column: "previous_provision", as: Int64.self) / perCent)
        }
    }

    /// Every run without lines, with its totals and line count, the latest month first.
    static func summaries(_ db: any SQLDatabase) async throws -> [ProvisionRunSummary] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: runColumns), (SELECT COUNT(*) FROM provision_lines l WHERE l.run_id = r.run_id) AS line_count \
            FROM provision_runs r ORDER BY month DESC
            """
        ).all().map { row in
            ProvisionRunSummary(
                run: try decode(row), totalCents: try row.decode(column: "total", as: Int64.self) / perCent,
                previousTotalCents: try row.decode(column: "previous_total", as: Int64.self) / perCent,
                lineCount: Int(try row.decode(column: "line_count", as: Int64.self)))
        }
    }

    /// Inserts a run and its lines (in batches).
    static func insert(_ run: ProvisionRun, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO provision_runs (\(unsafeRaw: runColumns)) VALUES (\(bind: run.runID), \(bind: run.month), \
            \(bind: run.state.rawValue), \(bind: run.asOf), \(bind: run.account), \(bind: run.currency), \
            \(bind: run.createdBy), \(bind: run.createdAt), \(bind: run.approvedBy), \(bind: run.approvedAt), \
            \(bind: run.previousRunID), \(bind: run.totalCents * perCent), \(bind: run.previousTotalCents * perCent), \
            \(bind: Int64(run.version)))
            """
        ).run()
        var start = 0
        while start < run.lines.count {
            let batch = run.lines[start..<min(run.lines.count, start + 200)]
            var insert = db.insert(into: "provision_lines").columns(
                "run_id", "item_id", "location_id", "category", "abc_class", "basis", "gross_value", "provision",
                "previous_provision")
            for l in batch {
                insert = insert.values(
                    SQLBind(run.runID), SQLBind(l.itemID), SQLBind(l.locationID), SQLBind(l.category), SQLBind(l.abcClass),
                    SQLBind(l.basis), SQLBind(l.grossCents * perCent), SQLBind(l.provisionCents * perCent),
                    SQLBind(l.previousCents * perCent))
            }
            try await insert.run()
            start += 200
        }
    }

    /// A run row (without lines).
    static func decode(_ row: any SQLRow) throws -> ProvisionRun {
        let runID = try row.decode(column: "run_id", as: String.self)
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = ProvisionRun.State(rawValue: stateText) else {
            throw StorageError(.database, "provision run \(runID) has the unknown state '\(stateText)' — use a newer procura")
        }
        return ProvisionRun(
            runID: runID, month: try row.decode(column: "month", as: String.self), state: state,
            asOf: try row.decode(column: "as_of", as: String.self), account: try row.decode(column: "account", as: String.self),
            currency: try row.decode(column: "currency", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            approvedBy: try row.decode(column: "approved_by", as: String.self),
            approvedAt: try row.decode(column: "approved_at", as: String.self),
            previousRunID: try row.decode(column: "previous_run_id", as: String?.self),
            version: Int(try row.decode(column: "version", as: Int64.self)), lines: [])
    }
}
