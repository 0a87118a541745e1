import ArgumentParser
import DataImport
import Storage
import Workflow

/// `procura po import FILE --as USER`: the ERP's supplier confirmations and receipts.
struct POImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import supplier confirmations and receipts per purchase-order line from the ERP (CSV or JSON).",
        discussion: """
            Columns: \(PurchaseOrderUpdateFile.columns.joined(separator: ", ")) (po_id and line required; the other \
            columns of po export are ignored). A row confirms a line (confirmed_date, confirmed_quantity in purchase \
            units) and/or receives goods (receipt_id, receipt_date, received_quantity in base units, posted to the \
            ledger as a receipt keyed by receipt_id). Every row is checked before anything is applied; all or \
            nothing. Importing the same file again changes nothing and says so.
            """)
    @Argument(help: "The file (CSV, or JSON when it ends in .json; - for standard input).") var file: String
    @Option(help: "The file's format: csv or json (default: by the file's extension).") var format: String?
    @Option(help: "Idempotency key (default: po-import- and the SHA-256 of the rows).") var key: String?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if let format, PurchaseOrderUpdateFile.Format(rawValue: format) == nil {
            throw ValidationError("--format '\(format)' — expected csv or json")
        }
        if let key, key.isEmpty || key.count > 200 { throw ValidationError("--key '\(key)' — expected 1 to 200 characters") }
    }

    func run() async throws {
        let path = file == "-" ? "/dev/stdin" : file
        let updates: [PurchaseOrderUpdate]
        do {
            updates = try PurchaseOrderUpdateFile.read(path: path, format: format.flatMap(PurchaseOrderUpdateFile.Format.init))
        } catch {
            throw CommandFailure.invalidData(error.message)
        }
        let user = actor.user
        let key = key
        let result = try await WorkflowFailure.report {
            try await db.withStore { store in
                do {
                    return try await store.importPurchaseOrderUpdates(
                        updates, by: try await store.actingPrincipal(userID: user), key: key)
                } catch let error as StorageError where error.code == .invalidImport {
                    throw CommandFailure.invalidData(error.message)
                }
            }
        }
        var out = "\(file): \(result.summary)\n"
        for order in result.orders { out += "\(order.poID) \(order.state.rawValue)\n" }
        StandardStreams.out(out)
    }
}
