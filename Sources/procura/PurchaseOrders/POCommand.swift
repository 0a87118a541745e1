import ArgumentParser
import Storage
import Workflow

/// `procura po list|export|release|cancel`: purchase orders in the database.
struct POCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "po",
        abstract: "List, export, release and cancel purchase orders.",
        discussion: """
            Purchase orders are created from the proposals of the latest plan run with \
            `procura proposals --release --as USER` and approved with `procura approve`. Their states: \
            proposed → approved → released → confirmed → partially_received → received → closed; \
            cancelled from any open state with a reason. docs/procurement.md has the rules.
            """,
        subcommands: [POList.self, POExport.self, PORelease.self, POCancel.self])
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

    func run() async throws {
        let ids = ids
        let actor = actor
        let result = try await WorkflowFailure.report {
            try await db.withStore { store in
                let principal = try await actor.principal(store)
                return try await store.decide(
                    ids.map { PurchaseOrderDecisionRequest(poID: $0, action: .release, principal: principal) })
            }
        }
        StandardStreams.out(PurchaseOrderRendering.decided(result))
    }
}

struct POCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel open purchase orders, with a reason (all or nothing).")
    @Argument(help: "Purchase-order ids (PO-000001 …).") var ids: [String]
    @Option(help: "Why (required; kept in the order's history and the audit log).") var reason: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let ids = ids
        let actor = actor
        let reason = reason
        let result = try await WorkflowFailure.report {
            try await db.withStore { store in
                let principal = try await actor.principal(store)
                return try await store.decide(
                    ids.map { PurchaseOrderDecisionRequest(poID: $0, action: .cancel, principal: principal, reason: reason) })
            }
        }
        StandardStreams.out(PurchaseOrderRendering.decided(result))
    }
}
