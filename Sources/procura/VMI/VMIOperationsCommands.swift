import ArgumentParser
import Foundation
import InventoryCore
import Planning
import Storage
import Workflow

/// `--as USER` for the read-only VMI commands: what that user may see (default: everything).
struct VMIViewerOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Show what this user may see (a supplier user: its own agreements); default: all.", valueName: "user"))
    var user: String?

    func principal(_ store: Store) async throws -> Authorization.Principal {
        guard let user else { return Authorization.Principal(userID: "cli", role: .viewer) }
        return try await store.actingPrincipal(userID: user)
    }
}

/// `procura vmi items`: the supplier's view of each agreed item-location
/// (``Storage/Store/vmiItems(visibleTo:agreementID:asOf:)``).
struct VMIItemsCommand: AsyncParsableCommand {
    struct Listing: Encodable { var items: [VMIItemView] }

    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Each agreed item-location as its supplier sees it: on hand, consumption of the last four weeks, the band.")
    @Option(help: "Only this agreement.") var agreement: String?
    @OptionGroup var viewer: VMIViewerOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let (agreement, viewer) = (agreement, viewer)
        let items = try await VMIFailure.report {
            try await db.withStore { store in
                try await store.vmiItems(visibleTo: try await viewer.principal(store), agreementID: agreement)
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(Listing(items: items)).pretty + "\n")
            return
        }
        let n = VMIRendering.number
        let report = RowReport(
            columns: [
                "agreement_id", "supplier_id", "item_id", "location_id", "on_hand_supplier", "on_hand_ours", "band_min_units",
                "band_max_units", "review_days", "consumption_4_weeks", "last_replenishment",
            ],
            numeric: [4, 5, 6, 7, 8],
            rows: items.map { i in
                [
                    i.agreementId, i.supplierId, i.itemId, i.locationId, n(i.onHandSupplier), n(i.onHandOurs), n(i.bandMinUnits),
                    n(i.bandMaxUnits), String(i.reviewDays), i.consumption.map { n($0.units) }.joined(separator: " "),
                    i.lastReplenishment ?? "",
                ]
            })
        StandardStreams.out(report.rendered(format, title: "VMI items: \(items.count)"))
    }
}

/// `procura vmi replenish --file F --as USER`: posts a supplier's `replenishments.csv`
/// (``Storage/Store/vmiReplenish(csv:by:)``).
struct VMIReplenishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replenish",
        abstract: "Post a supplier's replenishments (replenishments.csv) as VMI receipts; a re-upload posts nothing new.",
        discussion: """
            Columns: replenishment_id, agreement_id, date (YYYY-MM-DD), quantity (base units), lot_id (optional). \
            Each row becomes a vmi_receipt of the agreement's supplier at its item-location, all or nothing.
            """)
    @Option(help: "The CSV file.") var file: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
        }
        let user = actor.user
        let results = try await VMIFailure.report {
            try await db.withStore { store in
                try await store.vmiReplenish(csv: text, by: try await store.actingPrincipal(userID: user))
            }
        }
        let replayed = results.filter(\.replayed).count
        StandardStreams.out("posted \(results.count - replayed) replenishment(s); \(replayed) posted before (nothing new)\n")
    }
}

/// `procura vmi kpis [--month YYYY-MM]` (``Storage/Store/vmiKPIs(visibleTo:month:)``).
struct VMIKPIsCommand: AsyncParsableCommand {
    struct Listing: Encodable { var kpis: [VMIPeriodKPIs] }

    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "Each agreement's KPIs of a month and of its review periods ending in it, with the breaches of its targets.")
    @Option(help: "The month (YYYY-MM); default: this month.") var month: String?
    @OptionGroup var viewer: VMIViewerOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func validate() throws {
        if let month, VMIOperations.month(month) == nil { throw ValidationError("--month '\(month)' — expected YYYY-MM") }
    }

    func run() async throws {
        let (month, viewer) = (month, viewer)
        let kpis = try await VMIFailure.report {
            try await db.withStore { store in try await store.vmiKPIs(visibleTo: try await viewer.principal(store), month: month)
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(Listing(kpis: kpis)).pretty + "\n")
            return
        }
        let n = VMIRendering.number
        let report = RowReport(
            columns: [
                "agreement_id", "supplier_id", "period_kind", "first_day", "last_day", "in_band_share", "stockout_days",
                "fill_rate", "replenishments", "on_time_share", "breaches",
            ],
            numeric: [5, 6, 7, 8, 9],
            rows: kpis.map { k in
                [
                    k.agreementId, k.supplierId, k.periodKind, k.firstDay, k.lastDay, n(k.inBandShare), String(k.stockoutDays),
                    k.fillRate.map(n) ?? "", String(k.replenishments), k.onTimeShare.map(n) ?? "",
                    k.breaches.joined(separator: " "),
                ]
            })
        StandardStreams.out(report.rendered(format, title: "VMI KPIs: \(kpis.count) period(s)"))
    }
}

/// `procura vmi statement --month YYYY-MM [--supplier S]`
/// (``Storage/Store/vmiStatements(visibleTo:month:supplierID:slowMovingDays:)``).
struct VMIStatementCommand: AsyncParsableCommand {
    struct Listing: Encodable { var statements: [VMILiabilityStatement] }

    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "The month-end liability statement per supplier: stock at risk under the clause and who carries what.")
    @Option(help: "The month (YYYY-MM).") var month: String
    @Option(help: "Only this supplier.") var supplier: String?
    @Option(help: "Days without consumption that make stock slow-moving, 1-3650.")
    var slowMovingDays: Int = VMILiabilityStatement.defaultSlowMovingDays
    @OptionGroup var viewer: VMIViewerOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func validate() throws {
        if VMIOperations.month(month) == nil { throw ValidationError("--month '\(month)' — expected YYYY-MM") }
    }

    static func cents(_ c: Int64) -> String { FixedPoint.text(c, scale: 100) }

    func run() async throws {
        let (month, supplier, days, viewer) = (month, supplier, slowMovingDays, viewer)
        let statements = try await VMIFailure.report {
            try await db.withStore { store in
                try await store.vmiStatements(
                    visibleTo: try await viewer.principal(store), month: month, supplierID: supplier, slowMovingDays: days)
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(Listing(statements: statements)).pretty + "\n")
            return
        }
        let c = Self.cents
        var rows: [[String]] = []
        for s in statements {
            for l in s.lines {
                rows.append([
                    s.supplierId, l.agreementId, l.itemId, l.locationId, l.owner, l.lotId, l.expiryDate ?? "", l.reason,
                    VMIRendering.number(l.quantity), c(l.valueCents), VMIRendering.number(l.supplierShare), c(l.supplierCents),
                    c(l.customerCents),
                ])
            }
            rows.append([
                s.supplierId, "total", "", "", "", "", "", "", "", c(s.valueCents), "", c(s.supplierCents), c(s.customerCents),
            ])
        }
        let report = RowReport(
            columns: [
                "supplier_id", "agreement_id", "item_id", "location_id", "owner", "lot_id", "expiry_date", "reason", "quantity",
                "value", "supplier_share", "supplier_carries", "we_carry",
            ],
            numeric: [8, 9, 10, 11, 12], rows: rows)
        StandardStreams.out(report.rendered(format, title: "VMI liability statement \(month): \(statements.count) supplier(s)"))
    }
}
