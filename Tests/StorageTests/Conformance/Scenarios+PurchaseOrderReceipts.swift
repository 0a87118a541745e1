import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// Receipts posted to the ledger move the purchase order they name forward; what matches no open
/// line is flagged (docs/procurement.md, "Receipts move orders forward"), on both databases.
extension StorageScenario {
    static let purchaseOrderReceipts: [StorageScenario] = [
        StorageScenario(
            name: "a ledger receipt naming a released order receives it; what matches no open line is flagged"
        ) { store in
            try await StorageFixture.load(store)
            let ids = try await store.createPurchaseOrders(
                POFixture.proposals(2), currency: "EUR", planRun: nil, key: "rc", by: POFixture.bo
            ).orders.map(\.poID)
            _ = try await store.decidePurchaseOrder(POFixture.request(ids[0], .approve, by: POFixture.ada))
            _ = try await store.decidePurchaseOrder(POFixture.request(ids[0], .release, by: POFixture.bo))
            // PO-000001: line 1 P1 24 EA, line 2 P2 10 KG, at DC1; PO-000002 stays proposed.
            _ = try await store.post(StorageFixture.request("R1", .receipt, 10, reference: "PO-000001"))
            var order = try #require(try await store.purchaseOrder(id: "PO-000001"))
            #expect(order.state == .partiallyReceived && order.lines.map(\.received) == [10, 0])
            let event = try #require(try await store.purchaseOrderHistory(id: "PO-000001").last)
            #expect(event.actor == "ledger" && event.action == "receive_partially")
            #expect(event.detail == "line 1: 10 (ledger receipt R1)")
            // The same posting again is a replay: the order does not move twice.
            _ = try await store.post(StorageFixture.request("R1", .receipt, 10, reference: "PO-000001"))
            _ = try await store.post(StorageFixture.request("R2", .receipt, 14, reference: "PO-000001"))
            order = try #require(try await store.purchaseOrder(id: "PO-000001"))
            #expect(order.state == .partiallyReceived && order.lines.map(\.received) == [24, 0])
            // 12 KG against 10 open: the line is complete, the order received, 2 KG flagged.
            _ = try await store.post(StorageFixture.request("R3", .receipt, 12, item: "P2", reference: "PO-000001"))
            order = try #require(try await store.purchaseOrder(id: "PO-000001"))
            #expect(order.state == .received && order.lines.map(\.received) == [24, 10])
            #expect(try await store.onHand("P2", "DC1") == StorageFixture.q(12), "the ledger keeps the whole receipt")
            _ = try await store.post(StorageFixture.request("R4", .receipt, 5, reference: "PO-000002"))
            _ = try await store.post(StorageFixture.request("R5", .receipt, 5, reference: "PO-777"))
            _ = try await store.post(StorageFixture.request("R6", .receipt, 5, at: "DC2", reference: "PO-000001"))
            _ = try await store.post(StorageFixture.request("R7", .receipt, 1))
            #expect(try await store.purchaseOrder(id: "PO-000002")?.state == .proposed)
            let flagged = try await store.unmatchedReceipts()
            #expect(
                flagged.map { "\($0.key) \($0.poId) \($0.matched) \($0.unmatched) \($0.finding)" } == [
                    "R3 PO-000001 10.0 2.0 over_receipt", "R4 PO-000002 0.0 5.0 not_receivable",
                    "R5  0.0 5.0 no_purchase_order", "R6 PO-000001 0.0 5.0 wrong_location", "R7  0.0 1.0 no_reference",
                ])
            #expect(
                flagged.map(\.detail) == [
                    "2 more than PO-000001's open quantity of P2",
                    "PO-000002 is proposed — only released, confirmed or partially received orders receive",
                    "no purchase order 'PO-777' and no open order of the extract",
                    "PO-000001 is received at DC1, not DC2",
                    "the receipt names no order",
                ])
        }
    ]
}
