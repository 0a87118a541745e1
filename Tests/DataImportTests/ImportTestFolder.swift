import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@testable import DataImport

/// A data folder written to a temporary directory for one test, with helpers to import it.
struct ImportTestFolder {
    /// The smallest valid folder: two items, one location's demand.
    static let minimal: [String: String] = [
        "items.csv": "item_id,unit_cost\nA,2\nB,3\n",
        "demand.csv": "date,item_id,location_id,quantity\n2024-01-01,A,L1,5\n2024-01-02,B,L1,1\n",
    ]

    let url: URL

    /// Writes `files` (name → contents, written as UTF-8 bytes exactly) to a fresh folder.
    init(_ files: [String: String]) throws {
        url = try Fixtures.temporaryDirectory("procura-import")
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
    }

    /// Writes raw bytes as one file.
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Imports the folder.
    func load(errorLimit: Int = 100, chunkSize: Int = 1 << 20, today: Day? = nil) throws(ImportFailure) -> ImportResult {
        var configuration = DataFolderImporter.Configuration(errorLimit: errorLimit, today: today)
        configuration.chunkSize = chunkSize
        return try DataFolderImporter(configuration: configuration).load(from: url)
    }

    /// Imports `files` and returns the result; records a test issue (and rethrows) on failure.
    static func load(
        _ files: [String: String], errorLimit: Int = 100, chunkSize: Int = 1 << 20,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ImportResult {
        let folder = try ImportTestFolder(files)
        defer { folder.remove() }
        do {
            return try folder.load(errorLimit: errorLimit, chunkSize: chunkSize)
        } catch {
            Issue.record("import failed:\n\(error)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Imports `files`, expecting failure; returns the failure (records a test issue when the
    /// import succeeds).
    static func failure(
        _ files: [String: String], errorLimit: Int = 100, chunkSize: Int = 1 << 20, today: Day? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ImportFailure {
        let folder = try ImportTestFolder(files)
        defer { folder.remove() }
        do {
            _ = try folder.load(errorLimit: errorLimit, chunkSize: chunkSize, today: today)
        } catch {
            return error
        }
        Issue.record("import succeeded, expected a failure", sourceLocation: sourceLocation)
        return ImportFailure(issues: [])
    }

    /// The rendered error lines of importing `minimal` with `changes` applied.
    static func errors(
        _ changes: [String: String], errorLimit: Int = 100, today: Day? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        let files = minimal.merging(changes) { $1 }
        return try failure(files, errorLimit: errorLimit, today: today, sourceLocation: sourceLocation).errors.map(\.description)
    }

    /// The rendered warning lines of importing `minimal` with `changes` applied (must succeed).
    static func warnings(_ changes: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let files = minimal.merging(changes) { $1 }
        return try load(files, sourceLocation: sourceLocation).warnings.map(\.description)
    }
}
