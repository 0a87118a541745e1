import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura po approval PO-ID… --as USER [--format table|csv|json]`: what each order still needs
/// before it is approved, the escalations that matched, and whether the user may give the next
/// approval now — and if not, why (``Storage/Store/approvalOutlooks(_:for:)``). Changes nothing.
struct POApproval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approval",
        abstract: "What purchase orders still need before approval, and whether a user may approve them now.",
        discussion: """
            Per order: the chain of levels its value and the escalations of approval_rules need, the \
            levels still missing, the approvals given, the escalations that matched (class, criticality, \
            first buy, price rise, unusual quantity, category budget) and whether the user given with \
            --as may give the next approval now — directly or under a delegation — or the refusal an \
            approval would get. Reads only. Example:
              procura po approval PO-000001 --as ada --database sqlite:procura.db
            """)
    @Argument(help: "Purchase-order ids (PO-000001 …).") var ids: [String]
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    static let columns = [
        "po_id", "chain", "remaining_levels", "approvals", "may_approve", "on_behalf_of", "escalations", "blocker",
    ]

    func run() async throws {
        let ids = ids
        let actor = actor
        let outlooks = try await db.withStore { store in
            let principal = try await actor.principal(store)
            var orders: [PurchaseOrderRecord] = []
            for id in ids {
                guard let order = try await store.purchaseOrder(id: id) else {
                    throw StorageError(.unknownPurchaseOrder, "no purchase order '\(id)' — list them with procura po list")
                }
                orders.append(order)
            }
            return try await store.approvalOutlooks(orders, for: principal)
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(ApprovalOutlookList(approvalOutlooks: outlooks)).pretty + "\n")
            return
        }
        let rows = outlooks.map {
            [
                $0.orderID, $0.chain.joined(separator: " → "), $0.remainingLevels.joined(separator: " → "),
                $0.approvals.joined(separator: ", "), $0.mayApprove ? "yes" : "no", $0.onBehalfOf ?? "",
                $0.escalations.map { "\($0.text) → \($0.level)" }.joined(separator: "; "), $0.blocker,
            ]
        }
        StandardStreams.out(
            RowReport(columns: Self.columns, numeric: [], rows: rows).rendered(
                format,
                title:
                    "Approval outlook for \(actor.user): \(outlooks.filter(\.mayApprove).count) of \(outlooks.count) may be approved now"
            ))
    }
}

/// The JSON document of `procura po approval`: `{"approval_outlooks": […]}`.
struct ApprovalOutlookList: Encodable {
    let approvalOutlooks: [ApprovalOutlook]
}
