import InventoryCore
import SQLKit
import Testing
import Workflow

@testable import Storage

/// Approval rules beyond the value and delegated authority (docs/procurement.md, "Approval
/// rules"), on both databases: the admin's rules replace the imported ones (nothing changes on a bad
/// text), a first buy and a criticality escalate, a delegate approves on the delegator's behalf
/// until the delegation is revoked, an import with other approval settings drops the admin's rules.
extension StorageScenario {
    static let approvalRules: [StorageScenario] = [
        StorageScenario(name: "approval rules: escalations, the admin's rules, delegation with a window") { store in
            try await StorageFixture.load(store)
            for (id, role) in [("bo", "buyer"), ("bea", "buyer"), ("ada", "approver"), ("fin", "finance"), ("pia", "planner")] {
                try await store.createUser(UserRecord(userID: id, role: role), actor: "test")
            }
            let admin = Authorization.Principal(userID: "root", role: .admin)
            #expect(try await store.approvalPolicy().source == .settings)

            // Refused: a level that is no role, a non-admin — nothing stored, nothing audited.
            let counts = try await tableCounts(store, ["approval_policy", "audit_log"])
            await expectStorageError(.invalidApprovalRules) {
                _ = try await store.setApprovalPolicy(
                    text: "approval_thresholds: {buyer: 5000, approver: unlimited}\napproval_rules: {first_buy: finance}\n",
                    by: admin)
            }
            do {
                _ = try await store.setApprovalPolicy(text: "approval_thresholds: {buyer: 5000}\n", by: POFixture.ada)
                Issue.record("an approver should not set the approval rules")
            } catch let error as WorkflowError {
                #expect(error.message == "ada (role approver) may not set the approval rules — an admin may")
            }
            #expect(try await tableCounts(store, ["approval_policy", "audit_log"]) == counts)

            // A first buy needs an approver: the buyer bea is refused, naming the escalation.
            let rules = """
                approval_thresholds: {buyer: 5000, approver: 50000, finance: unlimited}
                approval_rules: {first_buy: approver}
                """
            let set = try await store.setApprovalPolicy(text: rules, by: admin, key: "rules-1")
            #expect(set.source == .admin && set.setBy == "root" && set.rules.escalations.firstBuyLevel == "approver")
            #expect(try await store.setApprovalPolicy(text: rules, by: admin, key: "rules-1").setAt == set.setAt)
            // The same rules in another key order (a client re-serialising its JSON) replay too;
            // different rules under the key are refused.
            let reordered = """
                {"approval_rules": {"first_buy": "approver"}, "approval_thresholds": {"finance": "unlimited", "approver": 50000, "buyer": 5000}}
                """
            #expect(try await store.setApprovalPolicy(text: reordered, by: admin, key: "rules-1").setAt == set.setAt)
            do {
                _ = try await store.setApprovalPolicy(text: "approval_thresholds: {buyer: 1}\n", by: admin, key: "rules-1")
                Issue.record("different rules under a used key should be refused")
            } catch let error as StorageError {
                #expect(error.message.contains("idempotency key 'rules-1' was already used for a different request"))
            }
            let first = try await store.createPurchaseOrders(
                POFixture.proposals(1), currency: "EUR", planRun: nil, key: "ar-1", by: POFixture.bo
            ).orders[0].poID
            do {
                _ = try await store.decidePurchaseOrder(POFixture.request(first, .approve, by: POFixture.bea))
                Issue.record("a first buy should need an approver")
            } catch let error as WorkflowError {
                #expect(error.code == .noApprovalAuthority)
                #expect(
                    error.message.hasSuffix(
                        "escalated by approval_rules: line 1 (item P1): first buy of the item at this location → approver; line 2 (item P2): first buy of the item at this location → approver"
                    ))
            }
            let approved = try await store.decidePurchaseOrder(POFixture.request(first, .approve, by: POFixture.ada))
            #expect(approved.state == .approved && approved.approvals.map(\.userID) == ["ada"])
            let detail = try await store.purchaseOrderHistory(id: first).last?.detail ?? ""
            #expect(detail.hasPrefix("level approver: approved; escalated: line 1 (item P1): first buy"))
            // The items have been bought at DC1 now: a buyer approves the next one.
            let second = try await store.createPurchaseOrders(
                POFixture.proposals(1, firstBucket: 7), currency: "EUR", planRun: nil, key: "ar-2", by: POFixture.bo
            ).orders[0].poID
            #expect(
                try await store.decidePurchaseOrder(POFixture.request(second, .approve, by: POFixture.bea)).state == .approved)

            // Every essential item needs finance; fin delegates to bea while away.
            _ = try await store.setApprovalPolicy(
                text:
                    "approval_thresholds: {buyer: 5000, approver: 50000, finance: unlimited}\napproval_rules: {by_criticality: {E: finance}}\n",
                by: admin)
            let today = store.clock.today()
            let delegation = try await store.createApprovalDelegation(
                delegator: "fin", delegate: "bea", validFrom: today, validTo: today.adding(days: 6), reason: "holiday",
                by: POFixture.fin, key: "dl-1")
            #expect(delegation.id == "DL-000001" && delegation.isActive(on: today))
            #expect(
                try await store.createApprovalDelegation(
                    delegator: "fin", delegate: "bea", validFrom: today, validTo: today.adding(days: 6), reason: "holiday",
                    by: POFixture.fin, key: "dl-1") == delegation)
            do {
                _ = try await store.createApprovalDelegation(
                    delegator: "fin", delegate: "pia", validFrom: today, validTo: today, reason: "x", by: POFixture.fin)
                Issue.record("a planner cannot be a delegate")
            } catch let error as WorkflowError {
                #expect(error.code == .invalidDelegation)
            }
            #expect(try await store.approvalDelegations().count == 1)
            let third = try await store.createPurchaseOrders(
                POFixture.proposals(1, firstBucket: 14), currency: "EUR", planRun: nil, key: "ar-3", by: POFixture.bo
            ).orders[0].poID
            _ = try await store.decidePurchaseOrder(POFixture.request(third, .approve, by: POFixture.ada))
            let onBehalf = try await store.decidePurchaseOrder(POFixture.request(third, .approve, by: POFixture.bea))
            #expect(onBehalf.state == .approved)
            #expect(onBehalf.approvals.map(\.onBehalfOf) == [nil, "fin"])
            #expect(
                (try await store.purchaseOrderHistory(id: third).last?.detail ?? "").contains(
                    "(on behalf of fin, delegation DL-000001)"))

            // Revoked: bea has no finance authority any more; a second revoke changes nothing.
            _ = try await store.revokeApprovalDelegation(id: "DL-000001", by: POFixture.bea)
            await #expect(throws: WorkflowError.self) { _ = try await store.revokeApprovalDelegation(id: "DL-000001", by: admin) }
            await expectStorageError(.unknownDelegation) { _ = try await store.revokeApprovalDelegation(id: "DL-9", by: admin) }
            let fourth = try await store.createPurchaseOrders(
                POFixture.proposals(1, firstBucket: 21), currency: "EUR", planRun: nil, key: "ar-4", by: POFixture.bo
            ).orders[0].poID
            _ = try await store.decidePurchaseOrder(POFixture.request(fourth, .approve, by: POFixture.ada))
            do {
                _ = try await store.decidePurchaseOrder(POFixture.request(fourth, .approve, by: POFixture.bea))
                Issue.record("a revoked delegation should lend nothing")
            } catch let error as WorkflowError {
                #expect(error.code == .noApprovalAuthority)
            }
            let audit = try await store.auditLog(limit: 1_000).map(\.action)
            #expect(audit.filter { $0 == "approval_rules.set" }.count == 2)
            #expect(audit.contains("delegation.create") && audit.contains("delegation.revoke"))

            // Re-importing the same settings keeps the admin's rules; other approval settings replace them.
            try await StorageFixture.load(store)
            #expect(try await store.approvalPolicy().source == .admin)
            var other = StorageFixture.snapshot()
            other.settings.approvalThresholds = [ApprovalThreshold(role: "buyer", maximumValue: .infinity)]
            _ = try await store.importSnapshot(other)
            let after = try await store.approvalPolicy()
            // (An import without settings text plans with the defaults.)
            #expect(after.source == .settings && after.rules.levels == ApprovalThreshold.defaults)
        }
    ]
}
