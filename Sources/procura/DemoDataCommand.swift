import ArgumentParser
import DataImport
import DemoData
import Foundation

/// `procura demo-data`: writes a synthetic company as a data folder.
struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Write a realistic synthetic company as a data folder (CSV files and settings.yaml).",
        discussion: """
            Three years of daily demand (smooth, erratic, intermittent, lumpy, seasonal, trending, new and \
            dying items) ending the day before the snapshot date 2026-11-30, a Pareto value distribution, \
            suppliers with lead-time variability, single- and dual-sourced items, consignment and VMI stock, \
            aged and obsolete stock, open orders, receipts, stock-outs, ledger postings and overrides. \
            The same flags always write the same bytes. docs/demo-data.md describes the model.

            A folder that is not empty is only written into when it holds a previous demo data set, \
            or with --force (files of the data set are replaced, other files are left alone).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder to write; created when missing.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Number of items (at least 10).", valueName: "n"))
    var items: Int = 2_000

    @Option(name: .long, help: ArgumentHelp("Number of stocking locations (1 … 50).", valueName: "l"))
    var locations: Int = 3

    @Option(name: .long, help: ArgumentHelp("Seed of the random generator (0 … 2⁶⁴ − 1).", valueName: "s"))
    var seed: UInt64 = 42

    @Flag(name: .long, help: "Write into a folder that is not empty and not a previous demo data set.")
    var force = false

    var companyConfiguration: DemoCompany.Configuration {
        DemoCompany.Configuration(itemCount: items, locationCount: locations, seed: seed)
    }

    func validate() throws {
        let itemRange = DemoCompany.Configuration.itemCountRange
        guard itemRange.contains(items) else {
            throw ValidationError("--items must be between \(itemRange.lowerBound) and \(itemRange.upperBound) (got \(items)).")
        }
        let locationRange = DemoCompany.Configuration.locationCountRange
        guard locationRange.contains(locations) else {
            throw ValidationError(
                "--locations must be between \(locationRange.lowerBound) and \(locationRange.upperBound) (got \(locations)).")
        }
        guard !out.isEmpty else { throw ValidationError("--out must name a folder.") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DemoDataError(
                    code: .writeFailed, message: "'\(out)' is a file, not a folder: choose a folder for --out.")
            }
            guard force || DemoDataWriter.looksLikeDemoFolder(directory) else {
                throw DemoDataError(
                    code: .directoryNotEmpty,
                    message: "'\(out)' is not empty and does not look like a demo data folder: "
                        + "choose an empty or new folder, or add --force to write the demo files into it anyway.")
            }
        }
        let company = try DemoCompany(configuration: companyConfiguration)
        let summary = try DemoDataWriter().write(company, to: directory)
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let line =
            "demo-data: wrote \(summary.fileCount) files, \(summary.totalRows) rows to \(out) "
            + "(items \(items), locations \(locations), seed \(seed); demand.csv \(summary.rows(in: "demand.csv") ?? 0) rows) "
            + "in \(String(format: "%.1f", seconds)) s\n"
            + "demo-data: \(summary.statements.count) supplier stock statements in \(out)/\(DemoDataWriter.statementsFolder)/ "
            + "(planted differences: \(summary.plantedStatementDifferences.map(\.description).joined(separator: ", ")))\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
