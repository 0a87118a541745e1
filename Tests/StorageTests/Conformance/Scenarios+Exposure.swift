import InventoryCore
import Planning
import SQLKit
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
            #expect(facts.allSatisfy { $0.emergency == nil && $0.unitsAbovePolicy == 0 })
        },
        StorageScenario(name: "order line facts: an emergency buy's order carries the buy, its requester and the policy quantity")
        {
            store in
            try await StorageFixture.load(store)
            try await store.createUser(UserRecord(userID: "ada", role: "approver"), actor: "test")
            let buy = try await store.createEmergencyBuy(
                EmergencyBuyRequest(
                    itemID: "P1", locationID: "DC1", supplierID: "S2", quantity: 30, unitPrice: 4,
                    deviations: [.otherSupplier, .expedite],
                    reason: "pump failure", incidentID: "INC-7", approver: "ada", principal: POFixture.bo)
            ).buy
            // The plan would have bought 12 (no plan run here: the buy's quantity stands in, so set it).
            let twelve = try FixedPoint.quantity(12)
            try await store.backend.transaction { db in
                try await db.raw("UPDATE emergency_buys SET policy_quantity = \(bind: twelve) WHERE buy_id = \(bind: buy.buyId)")
                    .run()
            }
            let order = try await store.approveEmergencyBuy(buy.buyId, by: POFixture.ada).buy.poId
            let before = try #require(try await store.orderLineFacts().first { $0.orderId == order })
            #expect(
                before.emergency
                    == OrderLineFacts.Emergency(buyId: "EB-000001", incidentId: "INC-7", requestedBy: "bo", policyUnits: 12))
            #expect(before.unitsAbovePolicy == 0, "nothing received yet")
            for step in [
                POFixture.request(order, .release, by: POFixture.bo), POFixture.request(order, .receive, by: POFixture.bo),
            ] {
                _ = try await store.decidePurchaseOrder(step)
            }
            let after = try #require(try await store.orderLineFacts().first { $0.orderId == order })
            #expect(after.receivedUnits == 30 && after.unitsAbovePolicy == 18 && after.unitsAboveProposal == 0)
        },
    ]
}
