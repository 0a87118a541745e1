import ArgumentParser
import InventoryCore
import Planning
import Storage

/// `procura check`: master-data mismatches between the procurement catalog and inventory records.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check master data: units, lead times, MOQ vs order multiple, prices, unsourced demand, obsolete sourcing.",
        discussion: """
            Reads a data folder when DATA is given, else the database (--database or
            $PROCURA_DATABASE_URL). Each finding has a severity (error, warning, info) and a
            suggested fix. Exit status 1 when a finding is an error (65 when DATA is not valid).
            """)

    @Argument(help: "A data folder to check instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(name: .customLong("lead-time-tolerance-days"), help: "Lead-time mismatch threshold in days (default 3).")
    var leadTimeToleranceDays: Double = 3
    @Option(name: .customLong("lead-time-tolerance"), help: "Relative lead-time threshold (default 0.25).")
    var leadTimeTolerance: Double = 0.25
    @Option(name: .customLong("min-receipts"), help: "Receipts needed to compare lead times (default 3).")
    var minReceipts: Int = 3
    @Option(name: .customLong("price-tolerance"), help: "Relative price-vs-cost threshold (default 0.5).")
    var priceTolerance: Double = 0.5
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    static let columns = ["severity", "check", "item_id", "location_id", "supplier_id", "message", "suggested_fix"]

    func validate() throws {
        try db.refuseBoth(data: data)
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: true)
        let checks = MasterDataChecks(
            configuration: .init(
                leadTimeToleranceDays: leadTimeToleranceDays, leadTimeRelativeTolerance: leadTimeTolerance,
                minimumReceipts: minReceipts,
                priceTolerance: priceTolerance))
        let findings = checks.run(snapshot)
        Self.render(findings, format: format)
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }

    static func render(_ findings: [MasterDataFinding], format: OutputFormat) {
        func cells(_ f: MasterDataFinding) -> [String] {
            [f.severity.rawValue, f.check.rawValue, f.itemID, f.locationID, f.supplierID, f.message, f.suggestedFix]
        }
        switch format {
        case .csv:
            var csv = CSVOutput()
            csv.row(columns)
            for f in findings { csv.row(cells(f)) }
            StandardStreams.out(csv.text)
        case .json:
            let rows: [JSONValue] = findings.map { f in .object(zip(columns, cells(f)).map { ($0, .string($1)) }) }
            StandardStreams.out(JSONValue.array(rows).pretty + "\n")
        case .table:
            if findings.isEmpty {
                StandardStreams.out("no master-data findings\n")
                return
            }
            var out = ""
            for f in findings {
                let place = [f.itemID, f.locationID, f.supplierID].filter { !$0.isEmpty }.joined(separator: " / ")
                out += "\(f.severity.rawValue): \(f.check.rawValue): \(place): \(f.message)\n    fix: \(f.suggestedFix)\n"
            }
            let errors = findings.filter { $0.severity == .error }.count
            out += "\(findings.count) finding(s), \(errors) error(s)\n"
            StandardStreams.out(out)
        }
    }
}
