import DataImport
import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// The ERP's confirmations and receipts (docs/procurement.md, "Importing confirmations and
/// receipts"), on both databases: applied all or nothing, refused with every error and nothing
/// changed, idempotent by key and by content.
extension StorageScenario {
    static let purchaseOrderImports: [StorageScenario] = [
        StorageScenario(name: "po import: confirmations and receipts, all or nothing, idempotent") { store in
            try await StorageFixture.load(store)
            let ids = try await store.createPurchaseOrders(
                POFixture.proposals(2), currency: "EUR", planRun: nil, key: "imp", by: POFixture.bo
            ).orders.map(\.poID)
            _ = try await store.decidePurchaseOrder(POFixture.request(ids[0], .approve, by: POFixture.ada))
            _ = try await store.decidePurchaseOrder(POFixture.request(ids[0], .release, by: POFixture.bo))
            // PO-000001 released: line 1 P1 2 BOX (24 EA), line 2 P2 10 KG; PO-000002 proposed.
            let day = StorageFixture.day
            let rows = [
                PurchaseOrderUpdate(
                    position: "f.csv:2", poID: "PO-000001", line: 1, itemID: "P1", confirmedDate: Day(iso: "2026-11-20"),
                    confirmedQuantity: 3),
                PurchaseOrderUpdate(
                    position: "f.csv:3", poID: "PO-000001", line: 2, receiptID: "GR-1", receiptDate: day, receivedQuantity: 4),
            ]
            // Refused: every error named, nothing changed.
            let bad =
                rows + [
                    PurchaseOrderUpdate(position: "f.csv:4", poID: "PO-000002", line: 1, confirmedDate: day),
                    PurchaseOrderUpdate(position: "f.csv:5", poID: "PO-000001", line: 3, confirmedDate: day),
                    PurchaseOrderUpdate(position: "f.csv:6", poID: "PO-000001", line: 2, itemID: "P1", confirmedDate: day),
                    PurchaseOrderUpdate(
                        position: "f.csv:7", poID: "PO-000001", line: 1, receiptID: "GR-2", receiptDate: day, receivedQuantity: 25
                    ),
                    PurchaseOrderUpdate(position: "f.csv:8", poID: "PO-777", line: 1, confirmedDate: day),
                ]
            let before = try await store.purchaseOrderHistory(id: "PO-000001").count
            do {
                _ = try await store.importPurchaseOrderUpdates(bad, by: POFixture.bo, key: "bad")
                Issue.record("the import should be refused")
            } catch let error as StorageError {
                #expect(error.code == .invalidImport)
                #expect(
                    error.message == """
                        f.csv:4: cannot confirm purchase order PO-000002: it is proposed — only released, confirmed or partially received orders take a supplier confirmation
                        f.csv:5: line '3' — PO-000001 has lines 1 to 2
                        f.csv:6: item_id 'P1' — expected P2, the item of PO-000001 line 2
                        f.csv:7: received_quantity '25' — at most 24 EA of P1 remain open on PO-000001
                        f.csv:8: po_id 'PO-777' — no such purchase order (list them with procura po list)
                        nothing was imported
                        """)
            }
            #expect(try await store.purchaseOrder(id: "PO-000001")?.state == .released)
            #expect(try await store.purchaseOrderHistory(id: "PO-000001").count == before)
            #expect(try await store.onHand("P2", "DC1") == 0)
            await #expect(throws: WorkflowError.self) {
                _ = try await store.importPurchaseOrderUpdates(rows, by: POFixture.ada, key: "ada")
            }
            // Applied: line 1 confirmed (3 BOX = 36 EA for 2026-11-20), the order confirmed, then 4 KG
            // received through the ledger (partially received).
            let done = try await store.importPurchaseOrderUpdates(rows, by: POFixture.bo, key: "k1")
            #expect(
                [done.linesConfirmed, done.ordersConfirmed, done.receiptsPosted, done.receiptsReplayed] == [1, 1, 1, 0])
            var order = try #require(try await store.purchaseOrder(id: "PO-000001"))
            #expect(order.state == .partiallyReceived && order.confirmedDate == "2026-11-20")
            #expect(order.lines.map(\.confirmedQuantity) == [36, nil] && order.lines.map(\.confirmedDate) == ["2026-11-20", ""])
            #expect(order.lines.map(\.received) == [0, 4])
            #expect(try await store.onHand("P2", "DC1") == StorageFixture.q(4))
            let history = try await store.purchaseOrderHistory(id: "PO-000001").suffix(2)
            #expect(
                history.map { "\($0.actor) \($0.action) \($0.fromState)→\($0.toState): \($0.detail)" } == [
                    "bo confirm released→confirmed: confirmed for 2026-11-20 (line 1: for 2026-11-20, 36 EA; import k1)",
                    "ledger receive_partially confirmed→partially_received: line 2: 4 (ledger receipt GR-1)",
                ])
            let supply = try await store.openPurchaseOrderSupply().filter { $0.orderID == "PO-000001" }
            #expect(supply.map { "\($0.line) \($0.quantity) \($0.due)" } == ["1 36.0 2026-11-20", "2 6.0 2026-11-20"])
            // Again under the same key: replayed; under another key: nothing changed.
            let replay = try await store.importPurchaseOrderUpdates(rows, by: POFixture.bo, key: "k1")
            #expect(replay.replayed && replay.summary == "already imported under key k1: nothing changed")
            let again = try await store.importPurchaseOrderUpdates(rows, by: POFixture.bo)
            #expect(!again.replayed && !again.changedAnything)
            #expect(again.summary == "nothing changed: every confirmation (1) and receipt (1) was imported before")
            #expect(try await store.onHand("P2", "DC1") == StorageFixture.q(4))
            await #expect(throws: StorageError.self) {
                _ = try await store.importPurchaseOrderUpdates(Array(rows.prefix(1)), by: POFixture.bo, key: "k1")
            }
            // A new date for a line of an order already confirmed: the state stays, the history says so.
            let moved = try await store.importPurchaseOrderUpdates(
                [
                    PurchaseOrderUpdate(
                        position: "g.json: updates[0]", poID: "PO-000001", line: 1, confirmedDate: Day(iso: "2026-11-25"))
                ],
                by: POFixture.bo, key: "k2")
            #expect([moved.linesConfirmed, moved.ordersConfirmed] == [1, 0])
            order = try #require(try await store.purchaseOrder(id: "PO-000001"))
            #expect(
                order.state == .partiallyReceived && order.confirmedDate == "2026-11-25" && order.lines[0].confirmedQuantity == 36
            )
            let last = try #require(try await store.purchaseOrderHistory(id: "PO-000001").last)
            #expect(
                "\(last.action) \(last.fromState)→\(last.toState): \(last.detail)"
                    == "confirm partially_received→partially_received: line 1: for 2026-11-25, 36 EA; import k2")
        }
    ]
}
