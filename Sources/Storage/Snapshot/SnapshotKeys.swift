import InventoryCore

/// The look-ups of ``Store/loadSnapshot(settings:asOf:)``: keys to snapshot indexes, codes and
/// dates — each failure an error naming the table, the row and the value.
struct SnapshotKeys {
    var items: [String: Int32]
    var locations: [String: Int32]
    var suppliers: [String: Int32]

    /// `table row (what): column 'value' is not … — …`.
    static func unresolved(_ table: String, _ row: String, _ column: String, _ value: String, expected: String) -> StorageError {
        StorageError(
            .database,
            "\(table) row (\(row)): \(column) '\(value)' — expected \(expected); the database is inconsistent: import the data folder again"
        )
    }

    func item(_ id: String, table: String, row: String, column: String = "item_id") throws(StorageError) -> Int32 {
        guard let index = items[id] else { throw Self.unresolved(table, row, column, id, expected: "an item in items") }
        return index
    }

    func location(_ id: String, table: String, row: String, column: String = "location_id") throws(StorageError) -> Int32 {
        guard let index = locations[id] else {
            throw Self.unresolved(table, row, column, id, expected: "a location in locations")
        }
        return index
    }

    func supplier(_ id: String, table: String, row: String, column: String = "supplier_id") throws(StorageError) -> Int32 {
        guard let index = suppliers[id] else {
            throw Self.unresolved(table, row, column, id, expected: "a supplier in suppliers")
        }
        return index
    }

    static func day(_ text: String, table: String, row: String, column: String) throws(StorageError) -> Day {
        guard let day = Day(iso: text) else { throw unresolved(table, row, column, text, expected: "a date YYYY-MM-DD") }
        return day
    }

    /// A date column that may be empty (`''` or NULL: none).
    static func optionalDay(_ text: String?, table: String, row: String, column: String) throws(StorageError) -> Day? {
        guard let text, !text.isEmpty else { return nil }
        return try day(text, table: table, row: row, column: column)
    }

    static func code<T: RawRepresentable>(_ text: String, as: T.Type, table: String, row: String, column: String)
        throws(StorageError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw unresolved(table, row, column, text, expected: "a known code") }
        return value
    }
}
