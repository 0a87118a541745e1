import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Storage

/// `procura reconcile`: intercompany transfers and consignment/VMI stock.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile intercompany transfers and consignment/VMI stock against the ledger.",
        subcommands: [IntercompanyCommand.self, ConsignmentCommand.self, ConsignmentUsageCommand.self])
}

/// `procura reconcile intercompany`.
struct IntercompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intercompany",
        abstract: "Shipped vs received per company pair, and goods in transit with their age.")

    @OptionGroup var db: DatabaseOptions
    @Option(name: .customLong("as-of"), help: "Date ages are measured to (default: today, UTC).") var asOf: String?
    @Option(help: "Output on stdout: table or csv.") var format: OutputFormat = .table
    @Option(help: "Also write the two CSV reports to this folder (intercompany_pairs.csv, intercompany_in_transit.csv).")
    var output: String?

    static let pairColumns = [
        "from_company", "to_company", "shipped_quantity", "received_quantity", "difference_quantity", "shipped_value",
        "received_value",
        "difference_value",
    ]
    static let transitColumns = [
        "reference", "item_id", "from_location_id", "from_company", "to_location_id", "to_company", "shipped_on", "quantity",
        "value",
        "age_days",
    ]

    func run() async throws {
        let day: Day
        if let asOf {
            guard let d = Day(iso: asOf) else { throw ValidationError("--as-of '\(asOf)' — expected YYYY-MM-DD") }
            day = d
        } else {
            day = CommandClock.current.today()
        }
        let report = try await db.withStore { try await $0.intercompanyReconciliation(asOf: day) }
        let pairRows = report.pairs.map { p in
            [p.fromCompany, p.toCompany]
                + [p.shippedQuantity, p.receivedQuantity, p.differenceQuantity].map(FixedPoint.quantityText)
                + [p.shippedValue, p.receivedValue, p.differenceValue].map(FixedPoint.moneyText)
        }
        let transitRows = report.inTransit.map { t in
            [
                t.reference, t.itemID, t.fromLocationID, t.fromCompany, t.toLocationID, t.toCompany, t.shippedOn.description,
                FixedPoint.quantityText(t.quantity), FixedPoint.moneyText(t.value), String(t.ageDays),
            ]
        }
        let pairs = RowReport(columns: Self.pairColumns, numeric: Set(2..<Self.pairColumns.count), rows: pairRows)
        let transit = RowReport(columns: Self.transitColumns, numeric: Set(7..<Self.transitColumns.count), rows: transitRows)
        if let output {
            try ReportFiles.write(pairs, to: output, name: "intercompany_pairs.csv")
            try ReportFiles.write(transit, to: output, name: "intercompany_in_transit.csv")
        }
        switch format {
        case .csv: StandardStreams.out(pairs.csv + "\n" + transit.csv)
        case .json: StandardStreams.out(JSONValue.object([("pairs", pairs.json), ("in_transit", transit.json)]).pretty + "\n")
        case .table:
            StandardStreams.out(
                pairs.rendered(.table, title: "Intercompany transfers by company pair") + "\n"
                    + transit.rendered(.table, title: "In transit as of \(day)"))
        }
    }
}

/// `procura reconcile consignment`.
struct ConsignmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consignment",
        abstract: "Compare a supplier's consignment/VMI stock statement (CSV) with our ledger.",
        discussion: """
            The statement has the columns item_id, location_id, quantity (base units); a
            supplier_id column, when present, must match --supplier. Exit status 1 when anything differs.
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "The supplier whose stock is reconciled.") var supplier: String
    @Option(help: "The supplier's stock statement (CSV).") var statement: String
    @Option(help: "Output on stdout: table or csv.") var format: OutputFormat = .table
    @Option(help: "Also write the report as CSV to this file.") var output: String?

    static let columns = ["item_id", "location_id", "statement_quantity", "ledger_quantity", "difference", "status"]

    func run() async throws {
        let lines = try readStatement()
        let report = try await db.withStore { try await $0.consignmentReconciliation(supplierID: supplier, statement: lines) }
        let rows = report.lines.map { l in
            [l.itemID, l.locationID] + [l.statementQuantity, l.ledgerQuantity, l.difference].map(FixedPoint.quantityText) + [
                l.status
            ]
        }
        let table = RowReport(columns: Self.columns, numeric: [2, 3, 4], rows: rows)
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(table.csv.utf8)) else {
                throw CommandFailure("cannot write '\(output)' — check that its folder exists and is writable")
            }
        }
        StandardStreams.out(
            table.rendered(
                format,
                title:
                    "Consignment/VMI stock of \(supplier): \(report.differences.count) difference(s) in \(report.lines.count) line(s)"
            ))
        if !report.differences.isEmpty { throw ExitCode.failure }
    }

    /// The statement, read by DataImport's reader; every error is printed.
    private func readStatement() throws -> [StockStatementLine] {
        do {
            return try SupplierStatement.read(path: statement, name: statement, supplierID: supplier)
        } catch {
            throw CommandFailure.invalidData(error.message)
        }
    }
}

/// Writes a CSV report into a folder.
enum ReportFiles {
    /// Writes `report` as CSV to `folder/name`, creating the folder when missing.
    static func write(_ report: RowReport, to folder: String, name: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create the folder '\(folder)': \(error.localizedDescription)")
        }
        let path = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: path, contents: Data(report.csv.utf8)) else {
            throw CommandFailure("cannot write '\(path)' — check that the folder is writable")
        }
    }
}
