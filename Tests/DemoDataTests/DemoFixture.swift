import DataImport
import DemoData
import Foundation
import InventoryCore
import ProcuraTestSupport

/// One demo data set written once for the demo-data suites (400 items, 3 locations, seed 42),
/// with every file parsed by ``DemoCSV``.
struct DemoFolder: Sendable {
    let directory: URL
    let configuration: DemoCompany.Configuration
    let summary: DemoDataSummary
    let files: [String: Data]
    /// Every CSV file, parsed once.
    let tables: [String: Result<DemoCSV, any Error>]

    func table(_ name: String) throws -> DemoCSV {
        guard let table = tables[name] else { throw DemoCSV.Failure(description: "\(name) was not written") }
        return try table.get()
    }

    /// The shared folder; created on first use.
    static let shared: Result<DemoFolder, any Error> = Result { try DemoFolder(itemCount: 400, locationCount: 3, seed: 42) }

    init(itemCount: Int, locationCount: Int, seed: UInt64) throws {
        configuration = DemoCompany.Configuration(itemCount: itemCount, locationCount: locationCount, seed: seed)
        let directory = try Fixtures.temporaryDirectory("procura-demo")
        self.directory = directory
        defer { try? FileManager.default.removeItem(at: directory) }
        let company = try DemoCompany(configuration: configuration)
        summary = try DemoDataWriter().write(company, to: directory)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where name != DemoDataWriter.statementsFolder {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        self.files = files
        var tables: [String: Result<DemoCSV, any Error>] = [:]
        for (name, data) in files where name.hasSuffix(".csv") {
            tables[name] = Result { try DemoCSV(name: name, data: data) }
        }
        self.tables = tables
    }
}

extension Day {
    /// Parses a date column value or throws.
    static func parse(_ text: String, _ context: @autoclosure () -> String) throws -> Day {
        guard let day = Day(iso: text) else { throw DemoCSV.Failure(description: "\(context()): bad date '\(text)'") }
        return day
    }
}

/// Parses a number column value or throws.
func parseNumber(_ text: String, _ context: @autoclosure () -> String) throws -> Double {
    guard let value = Double(text), value.isFinite else {
        throw DemoCSV.Failure(description: "\(context()): '\(text)' is not a number")
    }
    return value
}
