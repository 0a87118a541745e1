import SQLKit
import SQLiteKit
import SQLiteNIO

/// A result row of the direct SQLite connection, decoded like sqlite-kit's rows (``SQLiteDataDecoder``).
struct DirectSQLiteRow: SQLRow {
    let names: [String]
    let values: [SQLiteData]

    var allColumns: [String] { names }

    func contains(column: String) -> Bool { names.contains(column) }

    func decodeNil(column: String) throws -> Bool {
        guard let index = names.firstIndex(of: column) else { return true }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        guard let index = names.firstIndex(of: column) else {
            throw StorageError(.database, "result has no column '\(column)' (columns: \(names.joined(separator: ", ")))")
        }
        return try SQLiteDataDecoder().decode(D.self, from: values[index])
    }
}
