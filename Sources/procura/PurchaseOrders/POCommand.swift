import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura po list|export|release|cancel`: purchase orders in the database.
struct POCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "po",
        abstract:
            "List, create, export, import, release, confirm, receive, close and cancel purchase orders; show what they need before approval.",
        discussion: """
            Purchase orders are created from the proposals of the latest plan run with \
            `procura proposals --release --as USER` and approved with `procura approve`. Their states: \
            proposed → approved → released → confirmed → partially_received → received → closed; \
            cancelled from any open state with a reason. docs/procurement.md has the rules.
            """,
        subcommands: [
            POList.self, POCreate.self, POExport.self, POImport.self, PORelease.self, POConfirm.self, POReceive.self,
            POClose.self,
            POCancel.self,
            POUnmatchedReceipts.self, POApproval.self,
        ])
}

struct POList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List purchase orders, newest first.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Only orders in this state: \(PurchaseOrderState.lifecycleOrder.map(\.rawValue).joined(separator: ", ")).")
    var state: String?
    @Option(help: "Only orders of this supplier.") var supplier: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func validate() throws {
        if let state, PurchaseOrderState(rawValue: state) == nil {
            throw ValidationError(
                "--state '\(state)' — expected one of \(PurchaseOrderState.lifecycleOrder.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    func run() async throws {
        let filter = state.flatMap(PurchaseOrderState.init(rawValue:))
        let supplier = supplier
        let orders = try await db.withStore { try await $0.purchaseOrders(state: filter, supplierID: supplier) }
        let value = orders.reduce(0) { $0 + $1.value }
        let title = "Purchase orders: \(orders.count), \(NumberFormat.grouped(value)) in total"
        StandardStreams.out(try PurchaseOrderRendering.list(orders, format: format, title: title))
    }
}

struct POExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Released purchase orders for the ERP, as CSV (one row per line) or JSON.",
        discussion: """
            CSV columns: \(PurchaseOrderRendering.exportColumns.joined(separator: ", ")). Quantities in \
            purchase and base units, unit price per purchase unit, value in the currency. JSON: \
            {"purchase_orders": [...]} as GET /api/v1/purchase-orders?state=released.
            """)
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: csv or json.") var format: OutputFormat = .csv

    func validate() throws {
        if format == .table { throw ValidationError("--format table — export writes csv or json") }
    }

    func run() async throws {
        let orders = try await db.withStore { try await $0.purchaseOrders(state: .released) }
        StandardStreams.out(try PurchaseOrderRendering.export(orders.reversed(), format: format))
    }
}

struct PORelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Release approved purchase orders to their suppliers (all or nothing).")
    @Argument(help: "Purchase-order ids (PO-000001 …).") var ids: [String]
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await actor.decide(ids, .release, db: db) }
}

struct POConfirm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "Record the supplier's confirmation of released purchase orders.")
    @Argument(help: "Purchase-order ids (PO-000001 …).") var ids: [String]
    @Option(help: "The date the supplier confirmed, YYYY-MM-DD (optional).") var date: String?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date '\(date)' — expected YYYY-MM-DD") }
    }

    func run() async throws { try await actor.decide(ids, .confirm, confirmedDate: date.flatMap(Day.init(iso:)), db: db) }
}

struct POReceive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Record receipts against a purchase order: every line in full, or some lines in part.",
        discussion: """
            Without --line every line is received in full (state received). With --line N=QUANTITY \
            (base units, repeatable) those lines are received in part (state partially_received, or \
            received when every line is then complete); more than a line's remaining quantity is refused.
            """)
    @Argument(help: "The purchase-order id.") var id: String
    @Option(name: .customLong("line"), help: ArgumentHelp("N=QUANTITY: base units received on line N.", valueName: "n=quantity"))
    var lines: [String] = []
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func receipts() throws -> [Int: Double] {
        var out: [Int: Double] = [:]
        for text in lines {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let line = Int(parts[0]), line >= 1, let quantity = Double(parts[1]), quantity.isFinite,
                quantity > 0
            else {
                throw ValidationError(
                    "--line '\(text)' — expected N=QUANTITY with a line number ≥ 1 and a quantity > 0, e.g. 1=12")
            }
            guard out[line] == nil else { throw ValidationError("--line \(line) is given twice") }
            out[line] = quantity
        }
        return out
    }

    func validate() throws { _ = try receipts() }

    func run() async throws {
        let receipts = try receipts()
        try await actor.decide([id], receipts.isEmpty ? .receive : .receivePartially, receipts: receipts, db: db)
    }
}

struct POClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close received purchase orders.")
    @Argument(help: "Purchase-order ids (PO-000001 …).") var ids: [String]
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await actor.decide(ids, .close, db: db) }
}

struct POCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel open purchase orders, with a reason (all or nothing).")
    @Argument(help: "Purchase-order ids (PO-000001 …).") var ids: [String]
    @Option(help: "Why (required; kept in the order's history and the audit log).") var reason: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await actor.decide(ids, .cancel, reason: reason, db: db) }
}
