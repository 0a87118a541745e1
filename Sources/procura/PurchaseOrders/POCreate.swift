import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura po create`: a manual purchase order, checked for supply already coming.
struct POCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a manual purchase order (state proposed), checked against what is already coming.",
        discussion: """
            One line of --item at --location from --supplier, --quantity in the supplier's purchase unit at the \
            sourcing rule's price, due on --due or today + the rule's lead time. When open proposals, open \
            orders, transfers in transit or receipts of the last procurement.recent_receipt_days days exist for \
            the item-location, the order is refused with the list, unless --confirm-duplicate gives the reason \
            to order anyway (kept in the order's history and the audit log).
            """)
    @Option(help: "The supplier.") var supplier: String
    @Option(help: "The receiving location.") var location: String
    @Option(help: "The item.") var item: String
    @Option(help: "Quantity in the supplier's purchase unit (> 0).") var quantity: Double
    @Option(help: "Needed by, YYYY-MM-DD (default: today + the lead time).") var due: String?
    @Option(
        name: .customLong("confirm-duplicate"),
        help: ArgumentHelp("Why to order although supply is already coming.", valueName: "reason"))
    var confirmDuplicate: String?
    @Option(help: "Idempotency key: the same key again returns the order it created.") var key: String?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if let due, Day(iso: due) == nil { throw ValidationError("--due '\(due)' — expected YYYY-MM-DD") }
        guard quantity.isFinite, quantity > 0 else { throw ValidationError("--quantity '\(quantity)' — expected a number > 0") }
        if let confirmDuplicate, confirmDuplicate.isEmpty {
            throw ValidationError("--confirm-duplicate '' — expected the reason (1 to 500 characters)")
        }
    }

    func run() async throws {
        let user = actor.user
        let (supplier, location, item, quantity, due, reason, key) = (
            supplier, location, item, quantity, due.flatMap(Day.init(iso:)), confirmDuplicate ?? "", key
        )
        let result = try await WorkflowFailure.report {
            try await db.withStore { store in
                let request = ManualOrderRequest(
                    supplierID: supplier, locationID: location, itemID: item, purchaseQuantity: quantity, dueDate: due,
                    confirmDuplicate: reason, principal: try await store.actingPrincipal(userID: user))
                return try await store.createManualPurchaseOrder(request, key: key)
            }
        }
        var out = ""
        for o in result.orders {
            for l in o.lines {
                out +=
                    "\(o.poID) \(o.state.rawValue): \(NumberFormat.csv(l.purchaseQuantity)) \(l.purchaseUOM) of \(l.itemID) to \(o.locationID) from \(o.supplierID), due \(l.dueDate), \(NumberFormat.csv(l.value)) \(o.currency)"
                    + (result.replayed ? " — replayed, nothing changed" : "") + "\n"
            }
        }
        StandardStreams.out(out)
    }
}
