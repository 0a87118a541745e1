import ArgumentParser
import InventoryCore
import Planning
import Storage

/// `procura suppliers DATA|--database URL [--supplier ID] [--format table|csv|json]`: the supplier
/// scorecards (``Planning/SupplierScorecards``).
struct SuppliersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppliers",
        abstract:
            "Supplier scorecards: on time, in full, OTIF, observed vs catalog lead time, trend, returns, responsiveness to forecast changes, Kraljic segment and risk.",
        discussion: """
            One row per supplier from its receipts (receipts.csv: lead time = receipt_date − order_date; on \
            time = received by due_date; in full = an order line's receipts reach ordered_quantity) and \
            its return_to_supplier postings, beside the catalog's lead time and the Kraljic segment of the \
            classification. drifted_lines counts the supplier's item-locations whose observed lead time \
            drifted from the catalog by policy.lead_time_drift_days / _share (the plan proposes new safety \
            stock for them). The responsiveness columns come from the forecasts published to the supplier and \
            its commitments (database only; docs/sharing.md "Responsiveness"). risk_score = risk_base (single \
            sourcing, lead time, variability) + risk_performance (OTIF, lead-time deviation, returns, \
            responsiveness; supplier_segmentation.*_weight, docs/policies.md "Supplier segmentation"). With DATA the folder is read; without it, the database (--database or \
            $PROCURA_DATABASE_URL). docs/policies.md ("Lead times") has the definitions. Exit status 65 \
            with every error when DATA is not valid.
            """)

    static let columns = [
        "supplier_id", "name", "segment", "risk_score", "risk_base", "risk_performance", "annual_spend", "item_locations",
        "receipts", "on_time", "in_full",
        "otif", "lead_time_mean_days", "lead_time_sd_days", "catalog_lead_time_days", "lead_time_deviation_days",
        "lead_time_trend_days_per_year", "drifted_lines", "return_share", "versions_shared", "versions_committed",
        "changed_lines", "recommitted_share", "follow_ratio", "days_to_commit", "responsiveness",
    ]

    @Argument(help: "A data folder to read instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Only this supplier (its id).") var supplier: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func validate() throws {
        try db.refuseBoth(data: data)
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: true)
        if let supplier, snapshot.supplierIndex(id: supplier) == nil {
            throw CommandFailure.usage(
                "--supplier '\(supplier)' is not a supplier of the data — expected one of suppliers.csv's ids")
        }
        let cards = await SupplierScorecards.compute(snapshot: snapshot, supplierID: supplier)
        // Machine formats keep every digit; the table rounds to two decimals for reading.
        func n(_ x: Double?) -> String {
            guard let x else { return format == .table ? "–" : "" }
            return format == .table ? NumberFormat.fixed(x, 2) : NumberFormat.csv(x)
        }
        let rows = cards.map { c in
            let r = c.responsiveness
            return [
                c.supplierID, c.name, c.segment.rawValue, n(c.riskScore), n(c.baseRiskScore), n(c.performanceRiskScore),
                n(c.annualSpend), String(c.itemLocations),
                String(c.receipts), n(c.onTimeShare), n(c.inFullShare), n(c.onTimeInFullShare), n(c.meanLeadTimeDays),
                n(c.leadTimeSDDays), n(c.catalogLeadTimeDays), n(c.leadTimeDeviationDays), n(c.leadTimeTrendDaysPerYear),
                String(c.driftedLines), n(c.returnShare), String(r?.versions ?? 0), String(r?.committedVersions ?? 0),
                String(r?.changedLines ?? 0), n(r?.recommittedShare), n(r?.followRatio), n(r?.meanDaysToCommit), n(r?.score),
            ]
        }
        let report = RowReport(columns: Self.columns, numeric: Set(3..<Self.columns.count), rows: rows)
        StandardStreams.out(report.rendered(format, title: "Supplier scorecards (\(cards.count))"))
    }
}
