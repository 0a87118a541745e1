import InventoryCore
import Planning
import SQLKit

/// The SQL of the exposure report's month-end closes inside an open transaction or read.
enum ExposureCloseRows {
    static let columns = "month, as_of, currency, closed_by, closed_at, item_locations, exposure_value, new_exposure_value"

    /// Every close without its report, the latest month first.
    static func all(_ db: any SQLDatabase) async throws -> [ExposureClose] {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM exposure_closes ORDER BY month DESC").all().map(decode)
    }

    /// The stored report of `month`, or `nil` when the month was not closed.
    static func report(_ month: String, _ db: any SQLDatabase) async throws -> ExposureReport? {
        guard let row = try await db.raw("SELECT report FROM exposure_closes WHERE month = \(bind: month)").first() else {
            return nil
        }
        let text = try row.decode(column: "report", as: String.self)
        do {
            return try JSONValueDecoder().decode(ExposureReport.self, fromText: text)
        } catch {
            throw StorageError(.database, "the stored exposure close of \(month) cannot be read (\(error)) — use a newer procura")
        }
    }

    /// Inserts the close of `report` (marked closed).
    static func insert(_ report: ExposureReport, _ db: any SQLDatabase) async throws {
        let close = ExposureClose(report)
        let text = try JSONValueEncoder().encode(report).minified
        try await db.raw(
            """
            INSERT INTO exposure_closes (\(unsafeRaw: columns), report) VALUES (\(bind: close.month), \(bind: close.asOf), \
            \(bind: close.currency), \(bind: close.closedBy), \(bind: close.closedAt), \(bind: Int64(close.itemLocations)), \
            \(bind: close.exposureValue), \(bind: close.newExposureValue), \(bind: text))
            """
        ).run()
    }

    static func decode(_ row: any SQLRow) throws -> ExposureClose {
        var close = ExposureClose(
            month: try row.decode(column: "month", as: String.self), asOf: try row.decode(column: "as_of", as: String.self),
            currency: try row.decode(column: "currency", as: String.self))
        close.closedBy = try row.decode(column: "closed_by", as: String.self)
        close.closedAt = try row.decode(column: "closed_at", as: String.self)
        close.itemLocations = Int(try row.decode(column: "item_locations", as: Int64.self))
        close.exposureValue = try row.decode(column: "exposure_value", as: Double.self)
        close.newExposureValue = try row.decode(column: "new_exposure_value", as: Double.self)
        return close
    }
}
