import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// Purchase orders on both databases: the lifecycle, segregation of duties, idempotency, and two
/// approvers at the same moment.
extension StorageScenario {
    static let purchaseOrders: [StorageScenario] = [
        StorageScenario(
            name: "a purchase order walks through every state; every forbidden transition is refused and changes nothing"
        ) {
            store in
            try await StorageFixture.load(store)
            let created = try await store.createPurchaseOrders(
                POFixture.proposals(1), currency: "EUR", planRun: nil, key: "walk", by: POFixture.bo)
            let id = try #require(created.orders.first?.poID)
            #expect(id == "PO-000001")
            let steps: [(PurchaseOrderAction, PurchaseOrderDecisionRequest, PurchaseOrderState)] = [
                (
                    .changeQuantity,
                    POFixture.request(id, .changeQuantity, by: POFixture.bea, reason: "pallet size", line: 1, quantity: 3),
                    .proposed
                ),
                (.approve, POFixture.request(id, .approve, by: POFixture.ada), .approved),
                (.release, POFixture.request(id, .release, by: POFixture.bo), .released),
                (
                    .confirm, POFixture.request(id, .confirm, by: POFixture.bo, date: StorageFixture.day.adding(days: 9)),
                    .confirmed
                ),
                (
                    .receivePartially, POFixture.request(id, .receivePartially, by: POFixture.bo, receipts: [1: 12]),
                    .partiallyReceived
                ),
                (.receive, POFixture.request(id, .receive, by: POFixture.bo), .received),
                (.close, POFixture.request(id, .close, by: POFixture.bo), .closed),
            ]
            var state = PurchaseOrderState.proposed
            for (action, request, to) in steps {
                try await POFixture.expectEveryForbiddenRefused(store, id: id, state: state)
                let after = try await store.decidePurchaseOrder(request)
                #expect(after.state == to, "\(action.rawValue)")
                state = to
            }
            try await POFixture.expectEveryForbiddenRefused(store, id: id, state: .closed)
            let order = try #require(try await store.purchaseOrder(id: id))
            #expect(order.lines[0].purchaseQuantity == 3)
            #expect(order.lines[0].quantity == 36)
            #expect(order.lines[0].received == 36)
            #expect(order.value == 3 * 24 + 100)
            #expect(order.approvedBy == "ada")
            #expect(order.confirmedDate == "2026-11-11")
            let history = try await store.purchaseOrderHistory(id: id)
            #expect(history.map(\.action) == ["create"] + steps.map(\.0.rawValue))
            #expect(history.last?.toState == "closed")
            let audit = try await store.auditLog(subject: "purchase_order:\(id)")
            #expect(audit.map(\.action).reversed() == ["po.create"] + steps.map { "po.\($0.0.rawValue)" })
        },
        StorageScenario(name: "cancelled from every open state with a reason; rejected with a reason") { store in
            try await StorageFixture.load(store)
            let ids = try await store.createPurchaseOrders(
                POFixture.proposals(6), currency: "EUR", planRun: nil, key: "cancel", by: POFixture.bo
            ).orders.map(\.poID)
            // Bring order k to the k-th open state.
            let path: [PurchaseOrderDecisionRequest] = [
                POFixture.request("", .approve, by: POFixture.ada), POFixture.request("", .release, by: POFixture.bo),
                POFixture.request("", .confirm, by: POFixture.bo),
                POFixture.request("", .receivePartially, by: POFixture.bo, receipts: [1: 1]),
            ]
            for (k, id) in ids.prefix(5).enumerated() {
                for var step in path.prefix(k) {
                    step.poID = id
                    _ = try await store.decidePurchaseOrder(step)
                }
                await expectWorkflowError(.reasonRequired) {
                    _ = try await store.decidePurchaseOrder(POFixture.request(id, .cancel, by: POFixture.bo))
                }
                let cancelled = try await store.decidePurchaseOrder(
                    POFixture.request(id, .cancel, by: POFixture.bo, reason: "supplier closed"))
                #expect(cancelled.state == .cancelled)
                #expect(cancelled.reason == "supplier closed")
            }
            let rejected = try await store.decidePurchaseOrder(
                POFixture.request(ids[5], .reject, by: POFixture.ada, reason: "not needed"))
            #expect(rejected.state == .cancelled)
            #expect(try await store.purchaseOrderHistory(id: ids[5]).last?.action == "reject")
        },
        StorageScenario(name: "the requester never approves their own proposal, nor someone who changed it") { store in
            try await StorageFixture.load(store)
            let id = try #require(
                try await store.createPurchaseOrders(
                    POFixture.proposals(1), currency: "EUR", planRun: 3, key: "sod", by: POFixture.bo
                )
                .orders.first?.poID)
            let own = await expectWorkflowError(.segregationOfDuties) {
                _ = try await store.decidePurchaseOrder(POFixture.request(id, .approve, by: POFixture.bo))
            }
            #expect(
                own?.message
                    == "bo created purchase order PO-000001 and may not approve it (segregation of duties: nobody approves a proposal they created or changed) — ask another approver"
            )
            _ = try await store.decidePurchaseOrder(
                POFixture.request(id, .changeQuantity, by: POFixture.bea, reason: "less", line: 2, quantity: 5))
            await expectWorkflowError(.segregationOfDuties) {
                _ = try await store.decidePurchaseOrder(POFixture.request(id, .approve, by: POFixture.bea))
            }
            let unchanged = try #require(try await store.purchaseOrder(id: id))
            #expect(unchanged.state == .proposed && unchanged.approvals.isEmpty && unchanged.changers == ["bea"])
            #expect(unchanged.planRun == 3)
            let approved = try await store.decidePurchaseOrder(POFixture.request(id, .approve, by: POFixture.ada))
            #expect(approved.state == .approved)
            #expect(approved.approvals == [.init(userID: "ada", level: "buyer")])
        },
        StorageScenario(name: "purchase orders are created and decided once per idempotency key") { store in
            try await StorageFixture.load(store)
            let first = try await store.createPurchaseOrders(
                POFixture.proposals(2), currency: "EUR", planRun: nil, key: "k1", by: POFixture.bo)
            let again = try await store.createPurchaseOrders(
                POFixture.proposals(2), currency: "EUR", planRun: nil, key: "k1", by: POFixture.bo)
            #expect(!first.replayed && again.replayed)
            #expect(again.orders.map(\.poID) == ["PO-000001", "PO-000002"])
            #expect(try await store.purchaseOrders().count == 2)
            await expectStorageError(.idempotencyConflict) {
                _ = try await store.createPurchaseOrders(
                    POFixture.proposals(3), currency: "EUR", planRun: nil, key: "k1", by: POFixture.bo)
            }
            let approve = POFixture.request("PO-000001", .approve, by: POFixture.ada)
            let decided = try await store.decidePurchaseOrders([approve], key: "a1")
            let replay = try await store.decidePurchaseOrders([approve], key: "a1")
            #expect(!decided.replayed && replay.replayed && replay.orders.first?.state == .approved)
            #expect(try await store.purchaseOrderHistory(id: "PO-000001").count == 2)
            await expectStorageError(.idempotencyConflict) {
                _ = try await store.decidePurchaseOrders([POFixture.request("PO-000002", .approve, by: POFixture.ada)], key: "a1")
            }
            await expectStorageError(.unknownPurchaseOrder) {
                _ = try await store.decidePurchaseOrder(POFixture.request("PO-999999", .approve, by: POFixture.ada))
            }
            #expect(try await store.purchaseOrders(state: .proposed).map(\.poID) == ["PO-000002"])
            #expect(try await store.purchaseOrders(supplierID: "S2").isEmpty)
        },
        StorageScenario(name: "two approvers approving the same order at the same moment: exactly one goes through (100 times)") {
            store in
            try await StorageFixture.load(store)
            let ids = try await store.createPurchaseOrders(
                POFixture.proposals(100), currency: "EUR", planRun: nil, key: "race", by: POFixture.bo
            ).orders.map(\.poID)
            #expect(ids.count == 100)
            for id in ids {
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for approver in [POFixture.ada, POFixture.fin] {
                        group.addTask {
                            do {
                                _ = try await store.decidePurchaseOrder(POFixture.request(id, .approve, by: approver))
                                return true
                            } catch let error as StorageError where error.code == .concurrentChange {
                                return false
                            } catch let error as WorkflowError where error.code == .invalidTransition {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 1, "\(id): \(outcomes)")
                let order = try #require(try await store.purchaseOrder(id: id))
                #expect(order.state == .approved && order.approvals.count == 1, "\(id)")
                #expect(try await store.purchaseOrderHistory(id: id).count == 2, "\(id)")
            }
        },
        StorageScenario(
            name:
                "two approvers approving two orders that cover the same requirement at the same moment: exactly one goes through (100 times)"
        ) { store in
            try await StorageFixture.load(store)
            for k in 0..<100 {
                let ids = try await store.createPurchaseOrders(
                    POFixture.proposals(2, firstBucket: 7 * k, overlapping: true), currency: "EUR", planRun: nil,
                    key: "overlap-\(k)", by: POFixture.bo
                ).orders.map(\.poID)
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for (id, approver) in zip(ids, [POFixture.ada, POFixture.fin]) {
                        group.addTask {
                            do {
                                _ = try await store.decidePurchaseOrder(POFixture.request(id, .approve, by: approver))
                                return true
                            } catch let error as StorageError where error.code == .duplicateOrder {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 1, "pair \(k): \(outcomes)")
                var states: [PurchaseOrderState] = []
                for id in ids { states.append(try #require(try await store.purchaseOrder(id: id)).state) }
                #expect(states.sorted { $0.rawValue < $1.rawValue } == [.approved, .proposed], "pair \(k)")
            }
            // The refusal names the holder; cancelling the holder frees the requirement.
            let pair = try await store.createPurchaseOrders(
                POFixture.proposals(2, firstBucket: 1_000, overlapping: true), currency: "EUR", planRun: nil, key: "overlap-free",
                by: POFixture.bo
            ).orders.map(\.poID)
            _ = try await store.decidePurchaseOrder(POFixture.request(pair[0], .approve, by: POFixture.ada))
            let refused = await expectStorageError(.duplicateOrder) {
                _ = try await store.decidePurchaseOrder(POFixture.request(pair[1], .approve, by: POFixture.fin))
            }
            #expect(
                refused?.message
                    == "purchase order \(pair[1]) line 1 covers the same requirement as \(pair[0]), which is already approved (P1 at DC1 from S1, bucket from 2029-07-29) — nothing was approved; reject or cancel one of them"
            )
            #expect(try await store.purchaseOrder(id: pair[1])?.approvals.isEmpty == true)
            _ = try await store.decidePurchaseOrder(POFixture.request(pair[0], .cancel, by: POFixture.bo, reason: "duplicate"))
            #expect(
                try await store.decidePurchaseOrder(POFixture.request(pair[1], .approve, by: POFixture.fin)).state == .approved)
        },
        StorageScenario(name: "8 buyers saving proposals at the same moment: every order gets its own number") { store in
            try await StorageFixture.load(store)
            let created = try await withThrowingTaskGroup(of: [String].self) { group in
                for w in 0..<8 {
                    group.addTask {
                        try await store.createPurchaseOrders(
                            POFixture.proposals(3, firstBucket: 30 * w), currency: "EUR", planRun: nil, key: "buyer-\(w)",
                            by: POFixture.bo
                        ).orders.map(\.poID)
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(created.sorted() == (1...24).map { PurchaseOrderRows.id(Int64($0)) })
            #expect(try await store.purchaseOrderCount() == 24)
        },
    ]
}

/// Proposals, people and requests of the purchase-order scenarios.
enum POFixture {
    static let bo = Authorization.Principal(userID: "bo", role: .buyer)
    static let bea = Authorization.Principal(userID: "bea", role: .buyer)
    static let ada = Authorization.Principal(userID: "ada", role: .approver)
    static let fin = Authorization.Principal(userID: "fin", role: .finance)

    /// `count` proposed orders of S1 to DC1: line 1 P1 2 BOX (24 EA) at 24, line 2 P2 10 KG at 10. Order
    /// n covers the requirement of the bucket starting `firstBucket + n − 1` days after the fixture's
    /// day — or, `overlapping`, all of them the same requirement (`firstBucket`).
    static func proposals(_ count: Int, firstBucket: Int = 0, overlapping: Bool = false) throws -> [ProposedOrder] {
        func requirement(_ start: Day) -> String {
            """
            {"bucket": 1, "bucket_start": "\(start)", "gross": 5, "scheduled_receipts": 0, "transfers_in_transit": 0, \
            "projected_before_planning": -3, "safety_stock": 2, "net_requirement": 5, "supplier_net_requirement": 5}
            """
        }
        func line(
            _ item: String, _ base: String, _ quantity: Double, _ purchase: Double, _ uom: String, _ price: Double, _ start: Day
        ) -> String {
            """
            {"item_id": "\(item)", "location_id": "DC1", "supplier_id": "S1", "quantity": \(quantity), "base_uom": "\(base)", \
            "purchase_quantity": \(purchase), "purchase_uom": "\(uom)", "unit_price": \(price), "value": \(purchase * price), \
            "due_date": "2026-11-12", "release_date": "2026-11-02", "days_late": 0, "share": 1, "requirement": \(requirement(start))}
            """
        }
        return try (1...count).map { n in
            let start = StorageFixture.day.adding(days: firstBucket + (overlapping ? 0 : n - 1))
            return try JSONValueDecoder().decode(
                ProposedOrder.self,
                fromText: """
                    {"number": \(n), "supplier_id": "S1", "location_id": "DC1", "release_date": "2026-11-02", "late_lines": 0, \
                    "value": 148, "lines": [\(line("P1", "EA", 24, 2, "BOX", 24, start)), \(line("P2", "KG", 10, 10, "KG", 10, start))]}
                    """)
        }
    }

    static func request(
        _ id: String, _ action: PurchaseOrderAction, by principal: Authorization.Principal, reason: String = "", line: Int? = nil,
        quantity: Double? = nil, date: Day? = nil, receipts: [Int: Double] = [:]
    ) -> PurchaseOrderDecisionRequest {
        PurchaseOrderDecisionRequest(
            poID: id, action: action, principal: principal, reason: reason, line: line, purchaseQuantity: quantity,
            confirmedDate: date, receipts: receipts)
    }

    /// Tries every action `state` does not allow (with whatever else it needs given) and expects
    /// each refused with the lifecycle's error, the order, its history and the audit log unchanged.
    static func expectEveryForbiddenRefused(
        _ store: Store, id: String, state: PurchaseOrderState, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await store.purchaseOrder(id: id)
        let history = try await store.purchaseOrderHistory(id: id)
        let audit = try await store.auditLog(limit: 1_000).count
        #expect(before?.state == state, sourceLocation: sourceLocation)
        let allowed = PurchaseOrderLifecycle.allowedActions(from: state)
        for action in PurchaseOrderAction.allCases where !allowed.contains(action) {
            let request = Self.request(
                id, action, by: action == .approve || action == .reject ? ada : bo, reason: "why", line: 1, quantity: 1,
                receipts: [1: 1])
            var expected = ""
            do {
                _ = try PurchaseOrderLifecycle.next(from: state, action, orderID: id)
            } catch {
                expected = error.message
            }
            let error = await expectWorkflowError(.invalidTransition, sourceLocation: sourceLocation) {
                _ = try await store.decidePurchaseOrder(request)
            }
            #expect(error?.message == expected, sourceLocation: sourceLocation)
        }
        #expect(try await store.purchaseOrder(id: id) == before, sourceLocation: sourceLocation)
        #expect(try await store.purchaseOrderHistory(id: id) == history, sourceLocation: sourceLocation)
        #expect(try await store.auditLog(limit: 1_000).count == audit, sourceLocation: sourceLocation)
    }
}

/// Expects `body` to throw a ``WorkflowError`` with `code`; returns it.
@discardableResult
func expectWorkflowError(
    _ code: WorkflowError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> WorkflowError? {
    do {
        try await body()
        Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as WorkflowError {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
