import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// The catalog's price breaks on quantities a person chooses (docs/procurement.md, "Prices"), on
/// both databases: a manual order is priced at the break its quantity reaches, and a quantity change
/// that crosses a break re-prices the line (value, order value, history) — the same all-units
/// schedule the proposals use.
extension StorageScenario {
    static let catalogPrices: [StorageScenario] = [
        StorageScenario(name: "price breaks: a manual order and a changed quantity get the break's price") { store in
            // P2 at DC1 from S2: 10 an EA, 9 from 50, 8 from 100.
            var snapshot = StorageFixture.snapshot()
            snapshot.sourcing[1].priceBreaks = [
                PriceBreak(minimumQuantity: 50, unitPrice: 9), PriceBreak(minimumQuantity: 100, unitPrice: 8),
            ]
            _ = try await store.importSnapshot(snapshot)
            let created = try await store.createManualPurchaseOrder(
                ManualOrderRequest(
                    supplierID: "S2", locationID: "DC1", itemID: "P2", purchaseQuantity: 60, principal: POFixture.bo),
                key: "cp-1")
            let order = try #require(created.orders.first)
            #expect(order.lines.map { "\($0.purchaseQuantity) × \($0.unitPrice) = \($0.value)" } == ["60.0 × 9.0 = 540.0"])
            #expect(order.value == 540)

            // 60 → 120 crosses the 100 break: 8 an EA.
            let raised = try await store.decidePurchaseOrder(
                POFixture.request(order.poID, .changeQuantity, by: POFixture.bea, reason: "full pallet", line: 1, quantity: 120))
            #expect(raised.lines.map { "\($0.purchaseQuantity) × \($0.unitPrice) = \($0.value)" } == ["120.0 × 8.0 = 960.0"])
            #expect(raised.value == 960)
            // 120 → 10 falls below every break: the list price.
            let lowered = try await store.decidePurchaseOrder(
                POFixture.request(order.poID, .changeQuantity, by: POFixture.bea, reason: "project cut", line: 1, quantity: 10))
            #expect(lowered.lines.map { "\($0.purchaseQuantity) × \($0.unitPrice) = \($0.value)" } == ["10.0 × 10.0 = 100.0"])
            // 10 → 20 stays in the same region: the price does not change, and the history says nothing of it.
            _ = try await store.decidePurchaseOrder(
                POFixture.request(order.poID, .changeQuantity, by: POFixture.bea, reason: "a little more", line: 1, quantity: 20))
            let details = try await store.purchaseOrderHistory(id: order.poID).filter { $0.action == "change_quantity" }
                .map(\.detail)
            #expect(
                details == [
                    "line 1 (P2): 60 → 120 EA; unit price 9 → 8 per EA (catalog price break)",
                    "line 1 (P2): 120 → 10 EA; unit price 8 → 10 per EA (catalog price break)",
                    "line 1 (P2): 10 → 20 EA",
                ])
            // The exposure report still reads the proposal's quantity from the first change.
            let facts = try await store.orderLineFacts().filter { $0.orderId == order.poID }
            #expect(facts.map(\.proposedUnits) == [60] && facts.map(\.orderedUnits) == [20])
        },
        StorageScenario(name: "price breaks: a line priced otherwise keeps its price on a quantity change") { store in
            var snapshot = StorageFixture.snapshot()
            snapshot.sourcing[1].priceBreaks = [PriceBreak(minimumQuantity: 50, unitPrice: 9)]
            _ = try await store.importSnapshot(snapshot)
            let created = try await store.createManualPurchaseOrder(
                ManualOrderRequest(
                    supplierID: "S2", locationID: "DC1", itemID: "P2", purchaseQuantity: 10, principal: POFixture.bo),
                key: "cp-2")
            let order = try #require(created.orders.first)
            #expect(order.lines.first?.unitPrice == 10)
            // The supplier's list price changes (a new catalog): the line's 10 is no longer the
            // catalog's price of its quantity, so it was agreed otherwise — kept.
            snapshot.sourcing[1].unitPrice = 11
            _ = try await store.importSnapshot(snapshot)
            let changed = try await store.decidePurchaseOrder(
                POFixture.request(order.poID, .changeQuantity, by: POFixture.bea, reason: "more", line: 1, quantity: 60))
            #expect(changed.lines.map { "\($0.purchaseQuantity) × \($0.unitPrice) = \($0.value)" } == ["60.0 × 10.0 = 600.0"])
        },
    ]
}
