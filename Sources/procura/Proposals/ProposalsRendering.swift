import InventoryCore
import Planning

/// `procura proposals` output: one row per proposal line (table and CSV) or the whole
/// ``Planning/ProposalsReport`` (JSON, as `GET /api/v1/proposals`); with `--item --location` one
/// row per bucket or the whole ``Planning/RequirementsReport``.
enum ProposalsRendering {
    static let lineColumns = [
        "proposal", "supplier_id", "location_id", "release_date", "item_id", "quantity", "base_uom", "purchase_quantity",
        "purchase_uom", "unit_price", "value", "due_date", "days_late", "bucket", "net_requirement",
    ]

    static let bucketColumns = [
        "bucket", "start", "gross", "scheduled_receipts", "transfers_in_transit", "projected_before_planning",
        "net_requirement", "planned_receipts", "projected_available",
    ]

    static func proposals(_ report: ProposalsReport, format: OutputFormat) throws -> String {
        if format == .json { return try JSONValueEncoder().encode(report).pretty + "\n" }
        func n(_ x: Double) -> String { format == .table ? NumberFormat.fixed(x, 2) : NumberFormat.csv(x) }
        let rows = report.proposals.flatMap { order in
            order.lines.map { l in
                [
                    String(order.number), order.supplierId, order.locationId, order.releaseDate, l.itemId, n(l.quantity),
                    l.baseUom, n(l.purchaseQuantity), l.purchaseUom, n(l.unitPrice), n(l.value), l.dueDate, String(l.daysLate),
                    String(l.requirement.bucket), n(l.requirement.netRequirement),
                ]
            }
        }
        let numeric: Set<Int> = [0, 5, 7, 9, 10, 12, 13, 14]
        let report = report
        let source = report.runNumber.map { "plan run \($0)" } ?? "a plan of the data folder"
        let lines = rows.count
        let title =
            "Proposed purchase orders as of \(report.asOf) (\(source)): \(report.proposals.count) orders, \(lines) lines, \(NumberFormat.grouped(report.totalValue)) \(report.currency); horizon \(report.horizonBuckets) \(report.bucket)s, released before \(report.releaseBefore)"
        var out = RowReport(columns: lineColumns, numeric: numeric, rows: rows).rendered(format, title: title)
        if format == .table {
            out += "\nItem-locations by outcome (reorder alerts among them)\n"
            for o in report.outcomes { out += "  \(o.outcome): \(o.count) (\(o.reorderAlerts))\n" }
        }
        return out
    }

    static func requirements(_ report: RequirementsReport, format: OutputFormat) throws -> String {
        if format == .json { return try JSONValueEncoder().encode(report).pretty + "\n" }
        func n(_ x: Double) -> String { format == .table ? NumberFormat.fixed(x, 2) : NumberFormat.csv(x) }
        let rows = report.buckets.map { b in
            [
                String(b.bucket), b.start, n(b.gross), n(b.scheduledReceipts), n(b.transfersInTransit),
                n(b.projectedBeforePlanning), n(b.netRequirement), n(b.plannedReceipts), n(b.projectedAvailable),
            ]
        }
        let title =
            "Net requirements of \(report.itemId) at \(report.locationId) as of \(report.asOf): \(report.outcome); safety stock \(NumberFormat.fixed(report.safetyStock, 2)), order quantity \(NumberFormat.fixed(report.orderQuantity, 2))"
        var out = RowReport(columns: bucketColumns, numeric: Set([0] + Array(2..<9)), rows: rows).rendered(format, title: title)
        if format == .table {
            out += "\n" + report.summary + "\n"
            for step in report.steps {
                out += "  \(step.name): \(step.formula)"
                if !step.numbers.isEmpty { out += " = \(step.numbers)" }
                if !step.result.isEmpty { out += " → \(step.result)" }
                out += "\n"
            }
        }
        return out
    }
}
