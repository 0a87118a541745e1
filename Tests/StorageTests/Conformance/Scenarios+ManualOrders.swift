import InventoryCore
import Testing
import Workflow

@testable import Storage

/// Manual purchase orders and duplicate-order prevention (docs/procurement.md, "Manual orders"),
/// on both databases: refused while supply is coming unless confirmed with a reason, which the
/// history and the audit log keep; nothing is created by a refusal.
extension StorageScenario {
    static let manualOrders: [StorageScenario] = [
        StorageScenario(name: "manual po: refused while supply is coming unless confirmed with a reason") { store in
            try await StorageFixture.load(store)
            let today = store.clock.today()
            func request(
                _ reason: String = "", item: String = "P1", supplier: String = "S1", quantity: Double = 2,
                by principal: Authorization.Principal = POFixture.bo
            ) -> ManualOrderRequest {
                ManualOrderRequest(
                    supplierID: supplier, locationID: "DC1", itemID: item, purchaseQuantity: quantity, confirmDuplicate: reason,
                    principal: principal)
            }
            // Nothing coming: created, 2 BOX = 24 EA at 24 a box, due today + 10 days' lead time.
            let first = try await store.createManualPurchaseOrder(request(), key: "m1")
            let order = try #require(first.orders.first)
            let due = today.adding(days: 10).description
            #expect(order.poID == "PO-000001" && order.state == .proposed && order.createdBy == "bo" && order.value == 48)
            #expect(
                order.lines.map { "\($0.itemID) \($0.quantity) \($0.purchaseQuantity) \($0.purchaseUOM) \($0.dueDate)" } == [
                    "P1 24.0 2.0 BOX \(due)"
                ])
            #expect(order.lines[0].requirement == nil, "a manual line claims no requirement")
            #expect(try await store.createManualPurchaseOrder(request(), key: "m1").replayed)
            // The order itself is coming now: a second is refused with the list; nothing is created.
            let counts = try await tableCounts(store, ["purchase_orders", "purchase_order_lines", "audit_log"])
            do {
                _ = try await store.createManualPurchaseOrder(request())
                Issue.record("a duplicate should be refused")
            } catch let error as WorkflowError {
                #expect(error.code == .alreadyComing)
                #expect(
                    error.message
                        == "P1 at DC1 is already coming — open proposal PO-000001 (proposed): 24 EA due \(due) — to order more, confirm with a reason"
                )
            }
            await #expect(throws: WorkflowError.self) { _ = try await store.createManualPurchaseOrder(request("a\nb")) }
            await #expect(throws: WorkflowError.self) {
                _ = try await store.createManualPurchaseOrder(request("x", by: .init(userID: "vic", role: .viewer)))
            }
            do {
                _ = try await store.createManualPurchaseOrder(request(item: "P2"))
                Issue.record("no sourcing rule: refused")
            } catch let error as StorageError {
                #expect(
                    error.message
                        == "no sourcing rule for P2 at DC1 from S1 — a manual order needs one (its purchase unit and price, sourcing.csv)"
                )
            }
            #expect(try await tableCounts(store, ["purchase_orders", "purchase_order_lines", "audit_log"]) == counts)
            // Transfers in transit and recent receipts count too.
            var receipt = StorageFixture.request("GR-recent", .receipt, 5, item: "P2")
            receipt.date = today
            _ = try await store.post(receipt)
            _ = try await store.post(StorageFixture.request("GR-old", .receipt, 10, item: "P2", at: "DC2"))
            _ = try await store.post(StorageFixture.request("T1", .transferOut, 3, item: "P2", at: "DC2", to: "DC1"))
            let incoming = try await store.incomingSupply(itemID: "P2", locationID: "DC1")
            #expect(incoming.map(\.description) == ["transfer in transit: 3 KG", "recent receipt GR-recent: 5 KG on \(today)"])
            // Confirmed with a reason: created; the history and the audit log keep the reason and the list.
            let confirmed = try await store.createManualPurchaseOrder(
                request("line down at PLANT", item: "P2", supplier: "S2", quantity: 4))
            let id = try #require(confirmed.orders.first?.poID)
            let created = try #require(try await store.purchaseOrderHistory(id: id).first)
            #expect(created.reason == "line down at PLANT")
            #expect(
                created.detail
                    == "manual order; ordered although already coming: transfer in transit: 3 KG; recent receipt GR-recent: 5 KG on \(today)"
            )
            let audit = try await store.auditLog().filter { $0.subject == "purchase_order:\(id)" }
            #expect(audit.map(\.action) == ["po.create"])
            #expect(audit.first?.detail.hasSuffix("— duplicate confirmed: line down at PLANT") == true)
        }
    ]
}
