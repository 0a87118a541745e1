import InventoryCore
import SQLKit
import Testing
import Workflow

@testable import Storage

/// The emergency procurement protocol (docs/procurement.md, "Emergency buys"), on both databases:
/// the named approver only, never the requester, never after the window; the approval creates an
/// approved order; the deviation report's costs by hand.
extension StorageScenario {
    static let emergencyBuys: [StorageScenario] = [
        StorageScenario(name: "emergency buy: named approver, expiry, its order, the deviation report") { store in
            try await StorageFixture.load(store)
            try await store.createUser(UserRecord(userID: "ada", role: "approver"), actor: "test")
            try await store.createUser(UserRecord(userID: "fin", role: "finance"), actor: "test")
            let ada = POFixture.ada
            func request(
                _ quantity: Double = 30, price: Double? = 4, supplier: String = "S2", approver: String = "ada", hours: Int = 24,
                reason: String = "pump failure, line 2", confirm: String = "",
                by principal: Authorization.Principal = POFixture.bo
            ) -> EmergencyBuyRequest {
                EmergencyBuyRequest(
                    itemID: "P1", locationID: "DC1", supplierID: supplier, quantity: quantity, unitPrice: price,
                    deviations: [.otherSupplier, .expedite], reason: reason, incidentID: "INC-7", approver: approver,
                    validityHours: hours, confirmDuplicate: confirm, principal: principal)
            }
            // Refused: the requester as approver, no reason, an unknown approver, another supplier without a price.
            let counts = try await tableCounts(store, ["emergency_buys", "purchase_orders", "audit_log"])
            await #expect(
                throws: WorkflowError(
                    .segregationOfDuties,
                    "an emergency buy needs a named approver who is not the requester (bo) — name another approver")
            ) { _ = try await store.createEmergencyBuy(request(approver: "bo")) }
            await #expect(throws: WorkflowError.self) { _ = try await store.createEmergencyBuy(request(reason: " ")) }
            await #expect(throws: StorageError.self) { _ = try await store.createEmergencyBuy(request(approver: "nobody")) }
            await #expect(
                throws: WorkflowError(
                    .invalidQuantity, "S2 has no sourcing rule for P1 at DC1 — give the emergency price per base unit")
            ) { _ = try await store.createEmergencyBuy(request(price: nil)) }
            #expect(try await tableCounts(store, ["emergency_buys", "purchase_orders", "audit_log"]) == counts)

            // Raised: 30 EA from S2 at 4; the normal buy is S1 at 24 per BOX of 12 = 2 per EA, Q = 30 (no plan run).
            let created = try await store.createEmergencyBuy(request(), key: "eb-1")
            let buy = created.buy
            #expect(!created.replayed && buy.buyId == "EB-000001" && buy.state == "requested")
            #expect(buy.normalSupplierId == "S1" && buy.normalUnitPrice == 2 && buy.policyQuantity == 30)
            #expect(buy.deviations == ["other_supplier", "expedite"])
            #expect(try await store.createEmergencyBuy(request(), key: "eb-1").replayed)
            // Only the named approver, never the requester.
            await #expect(
                throws: WorkflowError(
                    .segregationOfDuties, "emergency buy EB-000001 names ada as its approver — only ada may approve it")
            ) { _ = try await store.approveEmergencyBuy("EB-000001", by: POFixture.fin) }
            await #expect(throws: WorkflowError.self) { _ = try await store.approveEmergencyBuy("EB-000001", by: POFixture.bo) }
            #expect(try await store.purchaseOrderCount() == 0)
            let approved = try await store.approveEmergencyBuy("EB-000001", by: ada).buy
            #expect(approved.state == "approved" && approved.poId == "PO-000001")
            let order = try #require(try await store.purchaseOrder(id: "PO-000001"))
            #expect(order.state == .approved && order.approvedBy == "ada" && order.createdBy == "bo" && order.value == 120)
            #expect(order.lines.map { "\($0.itemID) \($0.quantity) \($0.unitPrice)" } == ["P1 30.0 4.0"])
            await #expect(throws: WorkflowError(.invalidTransition, "cannot approve emergency buy EB-000001: it is approved")) {
                _ = try await store.approveEmergencyBuy("EB-000001", by: ada)
            }

            // A buy whose window has passed cannot be approved (valid 1 hour, raised 2 hours ago).
            await #expect(throws: WorkflowError.self) {
                _ = try await store.createEmergencyBuy(request(5, hours: 1, reason: "late", by: POFixture.bea))
            }
            let late = try await store.createEmergencyBuy(
                request(5, hours: 1, reason: "late", confirm: "second pump", by: POFixture.bea)
            ).buy
            try await store.backend.transaction { db in
                try await db.raw(
                    "UPDATE emergency_buys SET expires_at = \(bind: store.clock.now().adding(seconds: -3600).iso8601) WHERE buy_id = \(bind: late.buyId)"
                ).run()
            }
            #expect(try await store.emergencyBuys().map(\.state) == ["approved", "expired"])
            do {
                _ = try await store.approveEmergencyBuy(late.buyId, by: ada)
                Issue.record("an expired buy should be refused")
            } catch let error as WorkflowError {
                #expect(error.code == .expired && error.message.hasPrefix("emergency buy EB-000002 expired at "))
            }
            #expect(try await store.purchaseOrderCount() == 1)

            // The deviation report: Δ = 4·30 − 2·30 = 60 (price premium 60, quantity excess 0); 5 at 4 vs 2·5: 10.
            var report = DeviationReport(try await store.emergencyBuys())
            #expect(report.buys.map(\.costAboveNormal) == [60, 10] && report.totalAboveNormal == 70 && report.openIncidents == 2)
            #expect(report.buys[0].emergencyCost == 120 && report.buys[0].normalCost == 60 && report.buys[0].pricePremium == 60)
            #expect(
                report.csv.split(separator: "\n")[1]
                    == "EB-000001,approved,INC-7,no,P1,DC1,S2,S1,30,30,4,2,120,60,60,0,60,other_supplier expedite,PO-000001")
            await #expect(throws: WorkflowError.self) { _ = try await store.closeIncident("INC-7", by: ada) }
            let closed = try await store.closeIncident("INC-7", by: POFixture.bo)
            #expect(closed.count == 2 && closed.allSatisfy { $0.incidentClosedBy == "bo" })
            report = DeviationReport(try await store.emergencyBuys())
            #expect(report.openIncidents == 0 && report.buys.allSatisfy(\.incidentClosed))
            let audit = try await store.auditLog(actionPrefix: "emergency.").map(\.action)
            #expect(audit.sorted() == ["emergency.approve", "emergency.close_incident", "emergency.create", "emergency.create"])
        }
    ]
}
