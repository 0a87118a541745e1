import InventoryCore
public import Workflow

extension Store {
    /// What each of `orders` still needs before it is approved and whether `principal` may give the
    /// next approval now (``Workflow/PurchaseOrderWorkflow/outlook(_:for:rules:context:grants:)``):
    /// the approval rules in force (``approvalPolicy()``), each order's facts for the escalations and
    /// the delegations `principal` holds today — read as a decision would read them, changing nothing.
    public func approvalOutlooks(_ orders: [PurchaseOrderRecord], for principal: Authorization.Principal) async throws
        -> [ApprovalOutlook]
    {
        let rules = try await approvalPolicy().rules
        let today = clock.today()
        return try await backend.read { db in
            let grants = try await ApprovalFactsReader.grants(to: principal.userID, today: today, db)
            var out: [ApprovalOutlook] = []
            for order in orders {
                let context =
                    order.state == .proposed
                    ? try await ApprovalFactsReader.context(order, today: today, db) : ApprovalContext()
                out.append(
                    PurchaseOrderWorkflow.outlook(order.facts, for: principal, rules: rules, context: context, grants: grants))
            }
            return out
        }
    }

    /// The approval outlook of one order for `principal`.
    ///
    /// - Throws: ``StorageError/Code/unknownPurchaseOrder`` when there is no such order.
    public func approvalOutlook(id: String, for principal: Authorization.Principal) async throws -> ApprovalOutlook {
        guard let order = try await purchaseOrder(id: id) else {
            throw StorageError(.unknownPurchaseOrder, "no purchase order '\(id)' — list them with procura po list")
        }
        return try await approvalOutlooks([order], for: principal)[0]
    }
}
