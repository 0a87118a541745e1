import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing
import Workflow

@testable import Storage

/// Issue 16 item 4 on both databases: a disposition case valued, signed by procurement, operations
/// and finance (three people), executed to the ledger atomically with its state, closed; a case
/// missing a signature does not execute; one person does not sign twice; a failed execution changes
/// nothing; idempotency keys; each step in the audit log.
extension StorageScenario {
    /// P1 (cost 25) at DC: 100 units in lot L-OLD from S1; a second location WEST.
    static func dispositionSnapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.location("WEST")
        b.supplier("S1")
        b.item("P1", cost: 25)
        b.source("P1", at: "DC", from: "S1", leadTime: 60)
        b.demand("P1", at: "DC", [Double](repeating: 1, count: 20))
        b.inventory = [
            InventoryLot(
                item: 0, location: 0, onHand: 100, ownership: .owned, receivedDate: Day(iso: "2024-01-01"), lotID: "L-OLD",
                unitCost: 25)
        ]
        return b.build()
    }

    static let dispositions: [StorageScenario] = [
        StorageScenario(
            name:
                "a disposition case: option values, sign-off by three people, no execution before, execution posts and moves stock, a failed execution changes nothing, audit of each step"
        ) { store in
            _ = try await store.importSnapshot(dispositionSnapshot())
            let bo = Authorization.Principal(userID: "bo", role: .buyer)
            let olga = Authorization.Principal(userID: "olga", role: .operations)
            let fin = Authorization.Principal(userID: "fin", role: .finance)
            let vic = Authorization.Principal(userID: "vic", role: .viewer)
            let q = StorageFixture.q

            // Create: every option valued, return chosen, the supplier from the sourcing.
            let created = try await store.createDisposition(
                DispositionRequest(
                    itemID: "P1", locationID: "DC", lotID: "L-OLD", quantity: 10, option: .returnToSupplier,
                    recoveryPerUnit: 12.5, transferCost: 40, scrapCost: 30, note: "slow mover"),
                by: bo)
            let c1 = created.dispositionCase
            #expect(c1.caseID == "DSP-000001" && c1.state == .open && c1.supplierID == "S1" && !created.replayed)
            #expect(c1.analysis.values.map(\.netCents) == [21_250, 12_500, 21_000, -3_000])
            #expect(c1.analysis.chosenCents == 21_250 && c1.analysis.best == .returnToSupplier)
            #expect(c1.requiredRoles == [.buyer, .operations, .finance] && c1.missingRoles == c1.requiredRoles)
            #expect(try await store.dispositionCase("DSP-000001") == c1, "stored as created")
            await #expect(throws: WorkflowError.self) {
                try await store.createDisposition(
                    DispositionRequest(itemID: "P1", locationID: "DC", quantity: 1, option: .scrap), by: vic)
            }
            do {
                _ = try await store.createDisposition(
                    DispositionRequest(itemID: "P1", locationID: "DC", quantity: 101, option: .scrap), by: bo)
                Issue.record("more than on hand was accepted")
            } catch let error as StorageError {
                #expect(error.code == .invalidDisposition)
                #expect(error.message == "quantity '101.0' — expected a number > 0 and at most the 100 owned on hand of P1 at DC")
            }

            // Missing signatures: no execution, nothing changed.
            _ = try await store.decideDisposition("DSP-000001", .sign, by: bo)
            do {
                _ = try await store.decideDisposition("DSP-000001", .execute, by: olga)
                Issue.record("a case missing signatures executed")
            } catch let error as WorkflowError {
                #expect(error.code == .missingSignOff)
                #expect(
                    error.message
                        == "disposition case DSP-000001 cannot be executed: it lacks the sign-off of operations, finance — signed so far: buyer (bo)"
                )
            }
            #expect(try await store.position("P1", "DC").onHand == q(100))
            #expect(try await store.dispositionCase("DSP-000001").state == .open)

            // One person signs once: bo, now operations, may not sign again.
            let boAsOps = Authorization.Principal(userID: "bo", role: .operations)
            do {
                _ = try await store.decideDisposition("DSP-000001", .sign, by: boAsOps)
                Issue.record("one person signed twice")
            } catch let error as WorkflowError {
                #expect(error.code == .segregationOfDuties)
                #expect(
                    error.message
                        == "bo already signed disposition case DSP-000001 for buyer; one person signs once — operations needs another person"
                )
            }
            _ = try await store.decideDisposition("DSP-000001", .sign, by: olga)
            let signed = try await store.decideDisposition("DSP-000001", .sign, by: fin).dispositionCase
            #expect(signed.state == .signed && signed.missingRoles.isEmpty)
            #expect(
                Set(signed.signOffs.map { "\($0.role.rawValue):\($0.userID)" }) == ["buyer:bo", "operations:olga", "finance:fin"])

            // Execute: a return_to_supplier posting, stock down by 10 from the named lot.
            let executed = try await store.decideDisposition("DSP-000001", .execute, by: olga).dispositionCase
            #expect(executed.state == .executed && executed.executedBy == "olga" && executed.entryKeys == ["DSP-000001-return"])
            #expect(try await store.position("P1", "DC").onHand == q(90))
            let entry = try #require(try await store.ledgerEntries(itemID: "P1", limit: 5).first)
            #expect(entry.key == "DSP-000001-return" && entry.type == .returnToSupplier && entry.quantity == q(10))
            let closed = try await store.decideDisposition("DSP-000001", .close, by: fin).dispositionCase
            #expect(closed.state == .closed && closed.closedBy == "fin")

            // A transfer posts out and in: WEST gets the 5 units.
            let c2 = try await store.createDisposition(
                DispositionRequest(itemID: "P1", locationID: "DC", quantity: 5, option: .transfer, toLocationID: "WEST"),
                by: olga
            ).dispositionCase
            for p in [bo, olga, fin] { _ = try await store.decideDisposition(c2.caseID, .sign, by: p) }
            let moved = try await store.decideDisposition(c2.caseID, .execute, by: bo).dispositionCase
            #expect(moved.entryKeys == ["DSP-000002-transfer-out", "DSP-000002-transfer-in"])
            #expect(try await store.position("P1", "DC").onHand == q(85))
            #expect(try await store.position("P1", "WEST").onHand == q(5))

            // Two signed cases for the same 85 units: the second execution fails and changes nothing.
            var ids: [String] = []
            for option in [DispositionOption.scrap, .sell] {
                let c = try await store.createDisposition(
                    DispositionRequest(itemID: "P1", locationID: "DC", quantity: 85, option: option, scrapCost: 10), by: bo
                ).dispositionCase
                for p in [bo, olga, fin] { _ = try await store.decideDisposition(c.caseID, .sign, by: p) }
                ids.append(c.caseID)
            }
            _ = try await store.decideDisposition(ids[0], .execute, by: olga)
            #expect(try await store.position("P1", "DC").onHand == 0)
            let entries = try await store.entryCount()
            await #expect(throws: StorageError.self) { try await store.decideDisposition(ids[1], .execute, by: olga) }
            #expect(try await store.dispositionCase(ids[1]).state == .signed, "still signed")
            #expect(try await store.entryCount() == entries, "nothing posted")
            let report = try await store.verify()
            #expect(report.isConsistent && report.lotProblems.isEmpty, "\(report.differences) \(report.lotProblems)")

            // Cancel needs a reason; a cancelled case is final.
            let cancelled = try await store.decideDisposition(ids[1], .cancel, by: fin, reason: "stock gone").dispositionCase
            #expect(cancelled.state == .cancelled && cancelled.cancelReason == "stock gone")
            await #expect(throws: WorkflowError.self) { try await store.decideDisposition(ids[1], .execute, by: olga) }
            await #expect(throws: StorageError.self) { try await store.dispositionCase("DSP-999999") }

            // Idempotency keys: the same call replays, another call under the key is refused.
            let request = DispositionRequest(itemID: "P1", locationID: "WEST", quantity: 1, option: .scrap)
            let first = try await store.createDisposition(request, by: bo, key: "k-1")
            let again = try await store.createDisposition(request, by: bo, key: "k-1")
            #expect(again.replayed && again.dispositionCase.caseID == first.dispositionCase.caseID)
            await #expect(throws: StorageError.self) {
                try await store.createDisposition(
                    DispositionRequest(itemID: "P1", locationID: "WEST", quantity: 2, option: .scrap), by: bo, key: "k-1")
            }
            #expect(
                try await store.dispositionCases().map(\.caseID) == [
                    "DSP-000005", "DSP-000004", "DSP-000003", "DSP-000002", "DSP-000001",
                ])
            #expect(try await store.dispositionCases(state: .closed).map(\.caseID) == ["DSP-000001"])

            let audit = try await store.auditLog(subject: "disposition_case:DSP-000001")
            #expect(
                audit.reversed().map { "\($0.actor) \($0.action) \($0.after)" } == [
                    "bo disposition.create state=open", "bo disposition.sign state=open", "olga disposition.sign state=open",
                    "fin disposition.sign state=signed", "olga disposition.execute state=executed",
                    "fin disposition.close state=closed",
                ])
            #expect(
                audit[1].detail
                    == "signed → executed: return to supplier of 10 of P1 at DC, ledger DSP-000001-return, value 212.50")
        }
    ]
}
