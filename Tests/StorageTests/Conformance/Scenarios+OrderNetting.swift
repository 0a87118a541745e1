import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// What the next netting takes from the stored purchase orders (docs/procurement.md, "Stored
/// orders in the next run"), on both databases.
extension StorageScenario {
    static let orderNetting: [StorageScenario] = [
        StorageScenario(
            name: "open purchase orders are supply by their open quantity and date; a saved release answers from its key"
        ) { store in
            try await StorageFixture.load(store)
            let ids = try await store.createPurchaseOrders(
                POFixture.proposals(3), currency: "EUR", planRun: 4, key: "net", by: POFixture.bo
            ).orders.map(\.poID)
            #expect(ids == ["PO-000001", "PO-000002", "PO-000003"])
            // PO-000001: confirmed for 2026-11-11, 12 of line 1's 24 EA received; PO-000002 cancelled.
            for request in [
                POFixture.request(ids[0], .approve, by: POFixture.ada), POFixture.request(ids[0], .release, by: POFixture.bo),
                POFixture.request(ids[0], .confirm, by: POFixture.bo, date: StorageFixture.day.adding(days: 9)),
                POFixture.request(ids[0], .receivePartially, by: POFixture.bo, receipts: [1: 12]),
                POFixture.request(ids[1], .cancel, by: POFixture.bo, reason: "not needed"),
            ] {
                _ = try await store.decidePurchaseOrder(request)
            }
            let supply = try await store.openPurchaseOrderSupply()
            func row(_ s: StoredOrderSupply) -> String {
                "\(s.orderID) \(s.line) \(s.itemID)@\(s.locationID) \(s.state) \(s.due) \(s.quantity)"
            }
            #expect(
                supply.map(row) == [
                    "PO-000001 1 P1@DC1 partially_received 2026-11-11 12.0",
                    "PO-000001 2 P2@DC1 partially_received 2026-11-11 10.0",
                    "PO-000003 1 P1@DC1 proposed 2026-11-12 24.0",
                    "PO-000003 2 P2@DC1 proposed 2026-11-12 10.0",
                ])
            // Received in full: not open any more.
            _ = try await store.decidePurchaseOrder(POFixture.request(ids[0], .receive, by: POFixture.bo))
            #expect(try await store.openPurchaseOrderSupply().map(\.orderID) == ["PO-000003", "PO-000003"])

            let replay = try #require(try await store.savedProposals(key: "net"))
            #expect(replay.replayed && replay.orders.map(\.poID) == ids)
            #expect(try await store.savedProposals(key: "never-used") == nil)
            _ = try await store.decidePurchaseOrders([POFixture.request(ids[2], .approve, by: POFixture.ada)], key: "decide")
            let misuse = await expectStorageError(.idempotencyConflict) { _ = try await store.savedProposals(key: "decide") }
            #expect(
                misuse?.message
                    == "idempotency key 'decide' was already used for a different request (purchase orders PO-000003) — use a new key for a new request"
            )
        }
    ]
}
