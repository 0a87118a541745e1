import DataImport
import DemoData
import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Demo data: determinism and configuration")
struct DemoDeterminismTests {
    @Test("same seed and sizes write byte-identical files; another seed writes other files")
    func sameBytes() throws {
        let a = try DemoFolder(itemCount: 120, locationCount: 2, seed: 7)
        let b = try DemoFolder(itemCount: 120, locationCount: 2, seed: 7)
        let c = try DemoFolder(itemCount: 120, locationCount: 2, seed: 8)
        #expect(a.files.keys.sorted() == b.files.keys.sorted())
        for (name, data) in a.files { #expect(b.files[name] == data, "\(name) differs between two runs") }
        for name in ["items.csv", "demand.csv", "sourcing.csv", "inventory.csv", "receipts.csv"] {
            #expect(a.files[name] != c.files[name], "\(name) is the same for seeds 7 and 8")
        }
    }

    @Test("the company is the same whether or not its history is simulated in between (independent streams)")
    func independentStreams() throws {
        let configuration = DemoCompany.Configuration(itemCount: 60, locationCount: 2, seed: 3)
        let first = try DemoCompany(configuration: configuration)
        let second = try DemoCompany(configuration: configuration)
        #expect(first.items == second.items && first.sourcing == second.sourcing && first.locations == second.locations)
        #expect(first.itemPatterns == second.itemPatterns)
        #expect(first.itemLocationCount > 0)
    }

    @Test("defaults: 2000 items, 3 locations, seed 42, as of 2026-11-30, 156 weeks, 80 suppliers")
    func defaults() {
        let configuration = DemoCompany.Configuration()
        #expect(configuration.itemCount == 2_000 && configuration.locationCount == 3 && configuration.seed == 42)
        #expect(configuration.asOf.isoString == "2026-11-30" && configuration.historyWeeks == 156)
        #expect(configuration.supplierCount == 80)
        #expect(DemoCompany.Configuration(itemCount: 10).supplierCount == 5)
    }

    @Test(
        "out-of-range configurations are refused with a clear message",
        arguments: [
            (DemoCompany.Configuration(itemCount: 9), "items must be between 10 and 1000000 (got 9)"),
            (DemoCompany.Configuration(locationCount: 0), "locations must be between 1 and 50 (got 0)"),
            (DemoCompany.Configuration(locationCount: 51), "locations must be between 1 and 50 (got 51)"),
            (DemoCompany.Configuration(historyWeeks: 10), "history weeks must be between 52 and 520 (got 10)"),
            (
                DemoCompany.Configuration(asOf: Day(year: 2026, month: 12, day: 1)!),
                "as-of date 2026-12-01 must be a Monday, so that the history ends on a Sunday and every week is complete"
            ),
        ])
    func invalid(configuration: DemoCompany.Configuration, message: String) {
        do {
            _ = try DemoCompany(configuration: configuration)
            Issue.record("accepted \(configuration)")
        } catch {
            #expect(error.code == .invalidConfiguration)
            #expect(error.message == message)
        }
    }

    @Test("pattern quotas: every pattern at least once, even for the smallest company")
    func quotas() throws {
        let company = try DemoCompany(configuration: .init(itemCount: 10, locationCount: 1))
        #expect(Set(company.itemPatterns) == Set(DemoDemandPattern.allCases))
        let large = try DemoCompany(configuration: .init(itemCount: 1_000))
        let intermittent = large.itemPatterns.filter { $0 == .intermittent }.count
        #expect(intermittent == 180)
    }

    @Test("looksLikeDemoFolder: empty, missing and previous demo folders yes; anything else no")
    func demoFolderCheck() throws {
        let directory = try Fixtures.temporaryDirectory("procura-demo-check")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(DemoDataWriter.looksLikeDemoFolder(directory))
        #expect(DemoDataWriter.looksLikeDemoFolder(directory.appendingPathComponent("missing")))
        try DemoDataWriter().write(try DemoCompany(configuration: .init(itemCount: 10, locationCount: 1)), to: directory)
        #expect(DemoDataWriter.looksLikeDemoFolder(directory))
        try Data("x".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        #expect(!DemoDataWriter.looksLikeDemoFolder(directory))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("notes.txt"))
        try Data("bucket: day\n".utf8).write(to: directory.appendingPathComponent("settings.yaml"))
        #expect(!DemoDataWriter.looksLikeDemoFolder(directory), "someone else's settings.yaml")
    }
}
