import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// The purchase-order facts the exposure report reads, on both databases.
extension StorageScenario {
    static let exposure: [StorageScenario] = [
        StorageScenario(
            name: "order line facts: proposed units from the history, ordered, received, who changed, cancelled orders marked"
        ) { store in
            try await StorageFixture.load(store)
            let created = try await store.createPurchaseOrders(
                POFixture.proposals(2), currency: "EUR", planRun: nil, key: "exposure", by: POFixture.bo)
            let id = created.orders[0].poID
            let other = created.orders[1].poID
            // Line 1 is 2 BOX of 12 EA: raised to 3 by bea, then to 4 by bo.
            for (who, boxes) in [(POFixture.bea, 3.0), (POFixture.bo, 4.0)] {
                _ = try await store.decidePurchaseOrder(
                    POFixture.request(id, .changeQuantity, by: who, reason: "pallet", line: 1, quantity: boxes))
            }
            for step in [
                POFixture.request(id, .approve, by: POFixture.ada), POFixture.request(id, .release, by: POFixture.bo),
                POFixture.request(id, .receive, by: POFixture.bo),
                POFixture.request(other, .cancel, by: POFixture.bo, reason: "not needed"),
            ] {
                _ = try await store.decidePurchaseOrder(step)
            }
            let facts = try await store.orderLineFacts()
            #expect(facts.count == 4)
            let raised = try #require(facts.first { $0.orderId == id && $0.itemId == "P1" })
            #expect(raised.proposedUnits == 24 && raised.orderedUnits == 48 && raised.receivedUnits == 48)
            #expect(raised.createdBy == "bo" && raised.changedBy == "bo" && !raised.cancelled)
            #expect(raised.unitsAboveProposal == 24 && raised.locationId == "DC1" && raised.supplierId == "S1")
            let kept = try #require(facts.first { $0.orderId == id && $0.itemId == "P2" })
            #expect(kept.proposedUnits == 10 && kept.orderedUnits == 10 && kept.changedBy == "" && kept.unitsAboveProposal == 0)
            let cancelled = facts.filter { $0.orderId == other }.allSatisfy { $0.cancelled }
            #expect(cancelled)
        }
    ]
}
