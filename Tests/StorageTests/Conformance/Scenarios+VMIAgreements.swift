import InventoryCore
import Testing
import Workflow

@testable import Storage

/// VMI agreements with versions (docs/vmi.md), on both databases: imported as active versions,
/// changed by proposals that become active only when both sides approved, rejections kept, refusals
/// store nothing, a supplier user sees and acts on its own supplier's agreements only.
extension StorageScenario {
    static func vmiTerms(
        _ id: String = "VMI-1", supplier: String = "S1", item: String = "P1",
        band: VMIAgreementTerms.Band = .units(min: 10, max: 40)
    ) -> VMIAgreementTerms {
        VMIAgreementTerms(
            agreementID: id, supplierID: supplier, itemID: item, locationID: "DC1", ownershipPasses: .consumption, band: band,
            reviewDays: 7, targetInBandShare: 0.9, targetMaxStockoutDays: 1, targetFillRate: 0.97, targetOnTimeShare: 0.9,
            buybackShare: 0.5, noticeDays: 60, expiryHandling: .supplier, validFrom: StorageFixture.day)
    }

    static let vmiAgreements: [StorageScenario] = [
        StorageScenario(name: "VMI agreements: import, two-sided approval in either order, rejects kept, scope, refusals") {
            store in
            var snapshot = StorageFixture.snapshot()
            snapshot.vmiAgreements = [vmiTerms()]
            let first = try await store.importSnapshot(snapshot)
            #expect(first.upserted["vmi_agreements"] == 1)
            let again = try await store.importSnapshot(snapshot)
            #expect(again.upserted["vmi_agreements"] == 0, "unchanged terms store no version")
            for (id, role, supplier) in [
                ("bo", "buyer", nil), ("pia", "planner", nil), ("supa", "supplier", "S1"), ("supb", "supplier", "S2"),
            ] {
                try await store.createUser(UserRecord(userID: id, role: role, supplierID: supplier), actor: "cli")
            }
            let bo = Authorization.Principal(userID: "bo", role: .buyer)
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let supa = Authorization.Principal(userID: "supa", role: .supplier, supplierID: "S1")
            let supb = Authorization.Principal(userID: "supb", role: .supplier, supplierID: "S2")
            var all = try await store.vmiAgreementVersions(visibleTo: pia)
            #expect(all.map(\.state) == [.active] && all.first?.source == "import" && all.first?.terms == vmiTerms())

            // Ours proposes (its approval), the supplier approves: active, the imported version superseded.
            let proposed = try await store.proposeVMIAgreement(vmiTerms(band: .days(min: 5, max: 15)), by: bo)
            #expect(proposed.version == 2 && proposed.state == .proposed && proposed.ourApprovalBy == "bo")
            #expect(proposed.waitingFor == [.supplier])
            let otherSupplier = await expectStorageError(.unknownVMIAgreement) {
                try await store.decideVMIAgreement(.approve, agreementID: "VMI-1", version: 2, by: supb)
            }
            #expect(
                otherSupplier?.message == "there is no version 2 of VMI agreement VMI-1 — list them with procura vmi agreements")
            let active = try await store.decideVMIAgreement(.approve, agreementID: "VMI-1", version: 2, by: supa)
            #expect(active.state == .active && active.supplierApprovalBy == "supa")
            all = try await store.vmiAgreementVersions(visibleTo: pia)
            #expect(all.map(\.state) == [.superseded, .active])
            #expect(all.last?.terms.band == .days(min: 5, max: 15))

            // The supplier proposes, we reject with a reason: kept as rejected, version 2 stays active.
            _ = try await store.proposeVMIAgreement(vmiTerms(band: .units(min: 0, max: 80)), by: supa)
            let rejected = try await store.decideVMIAgreement(
                .reject, agreementID: "VMI-1", version: 3, reason: "max too high for the shelf", by: bo)
            #expect(rejected.state == .rejected && rejected.rejectedBy == "bo" && rejected.reason == "max too high for the shelf")
            all = try await store.vmiAgreementVersions(visibleTo: supa)
            #expect(all.map(\.state) == [.superseded, .active, .rejected])
            #expect(try await store.vmiAgreementVersions(visibleTo: supb).isEmpty)

            // Refusals, word for word; nothing stored.
            let counts = try await tableCounts(store, ["vmi_agreement_versions", "audit_log"])
            let planner = await expectWorkflowError(.notPermitted) {
                _ = try await store.proposeVMIAgreement(vmiTerms(), by: pia)
            }
            #expect(
                planner?.message
                    == "pia (role planner) may not propose VMI agreements — buyers, approvers, finance and the agreement's supplier may"
            )
            let band = await expectStorageError(.invalidVMIAgreement) {
                _ = try await store.proposeVMIAgreement(vmiTerms(band: .units(min: 50, max: 40)), by: bo)
            }
            #expect(band?.message == "max_units: expected a number not below min_units (50), got 40")
            let moved = await expectStorageError(.invalidVMIAgreement) {
                _ = try await store.proposeVMIAgreement(vmiTerms(item: "P2"), by: bo)
            }
            #expect(
                moved?.message
                    == "agreement_id: VMI-1 is the agreement of S1 for P1 at DC1 — a new version keeps its supplier and item-location"
            )
            let unsupplied = await expectStorageError(.invalidVMIAgreement) {
                _ = try await store.proposeVMIAgreement(vmiTerms("VMI-2", supplier: "S2"), by: bo)
            }
            #expect(
                unsupplied?.message
                    == "item_id: S2 does not supply P1 at DC1 — expected an item-location of its sourcing (sourcing.csv)")
            let twice = await expectStorageError(.invalidVMIAgreement) {
                _ = try await store.proposeVMIAgreement(vmiTerms("VMI-9"), by: bo)
            }
            #expect(twice?.message == "agreement_id: S1 has agreement VMI-1 for P1 at DC1 — propose a new version of it instead")
            let foreign = await expectStorageError(.unknownVMIAgreement) {
                _ = try await store.proposeVMIAgreement(vmiTerms(), by: supb)
            }
            #expect(foreign?.message == "there is no VMI agreement VMI-1 — list them with procura vmi agreements")
            #expect(try await tableCounts(store, ["vmi_agreement_versions", "audit_log"]) == counts)

            // Audited; a changed import becomes the next active version.
            let audit = try await store.auditLog(limit: 20).filter { $0.action.hasPrefix("vmi_agreement.") }
            #expect(Set(audit.map(\.action)) == ["vmi_agreement.propose", "vmi_agreement.approve", "vmi_agreement.reject"])
            snapshot.vmiAgreements = [vmiTerms(band: .units(min: 12, max: 36))]
            #expect(try await store.importSnapshot(snapshot).upserted["vmi_agreements"] == 1)
            all = try await store.vmiAgreementVersions(visibleTo: pia)
            #expect(all.map(\.state) == [.superseded, .superseded, .rejected, .active] && all.last?.source == "import")
        }
    ]
}
