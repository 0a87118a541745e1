import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// Forecast sharing (docs/sharing.md) on both databases: profiles versioned and audited, a version
/// published from the latest run's forecasts, isolation between suppliers, the view log, and
/// idempotent commitments compared by number.
extension StorageScenario {
    static let sharing: [StorageScenario] = [
        StorageScenario(name: "forecast sharing: profile, publish, isolation, views, commitments") { store in
            try await StorageFixture.load(store)
            // P1 at DC1 (supplied by S1): 70 a week for 4 weeks from Monday 2026-11-02.
            let forecast =
                #"{"item_id":"P1","location_id":"DC1","model":"ses","bucket":"week","start":"2026-11-02","values":[70,70,70,70,70],"demand_per_bucket":70,"sigma_per_bucket":1}"#
            _ = try await store.savePlanRun(
                asOf: StorageFixture.day,
                results: [PlanResultRow(itemID: "P1", locationID: "DC1", kind: "forecast", payload: forecast)])
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let s1 = Authorization.Principal(userID: "acme", role: .supplier, supplierID: "S1")
            let s2 = Authorization.Principal(userID: "bolt", role: .supplier, supplierID: "S2")
            let profile = SharingProfile(
                horizonWeeks: 4, bucket: .month, aggregation: .family, locations: .merged, quantities: .committed)
            #expect(try await store.saveSharingProfile(profile, supplierID: "S1", by: pia).version == 1)
            #expect(try await store.saveSharingProfile(profile, supplierID: "S1", by: pia).version == 2)
            let wrong = await expectStorageError(.invalidSharing) {
                var other = profile
                other.items = ["P2"]
                _ = try await store.saveSharingProfile(other, supplierID: "S1", by: pia)
            }
            #expect(wrong?.message == "items: 'P2' is not an item supplier S1 supplies")
            _ = await expectStorageError(.unknownSupplier) {
                _ = try await store.saveSharingProfile(profile, supplierID: "S9", by: pia)
            }
            #expect(try await store.sharingProfile(supplierID: "S1", by: s1).version == 2)

            let published = try await store.publishSharedForecast(supplierID: "S1", by: pia)
            let lines = try #require(published.forecast?.lines)
            #expect(published.version == 1 && published.planRun == 1 && lines.count == 1)
            #expect(
                lines[0].family == SharedForecast.noFamily && lines[0].itemId == nil && lines[0].periodStart == "2026-11-02"
                    && lines[0].periodDays == 28 && lines[0].quantity == 280)
            _ = await expectStorageError(.unknownSharing) { _ = try await store.publishSharedForecast(supplierID: "S2", by: pia) }
            // Another supplier's user: as if nothing were there.
            _ = await expectStorageError(.unknownSharing) { _ = try await store.sharedVersions(supplierID: "S1", by: s2) }
            _ = await expectStorageError(.unknownSharing) {
                _ = try await store.sharedVersion(supplierID: "S1", version: 1, format: "json", by: s2)
            }
            // Reads: the supplier's are logged, the planner's are not.
            _ = try await store.sharedVersion(supplierID: "S1", version: 1, format: "json", by: s1)
            _ = try await store.sharedVersion(supplierID: "S1", version: 1, format: "csv", by: s1)
            _ = try await store.sharedVersion(supplierID: "S1", version: 1, format: "json", by: pia)
            let views = try await store.sharedVersionViews(supplierID: "S1", by: pia)
            #expect(views.map(\.format) == ["csv", "json"] && views.allSatisfy { $0.userId == "acme" && $0.version == 1 })
            #expect(
                try await store.sharingOverview(by: pia).map { [$0.supplierId, "\($0.latestVersion ?? 0)", "\($0.views)"] } == [
                    ["S1", "1", "2"]
                ])

            let compared = try await store.submitCommitments(
                [Commitment(line: 1, quantity: 250, comment: "holiday")], supplierID: "S1", version: 1, by: s1, key: "c-1")
            #expect(compared.comparison.rows[0].gap == -30 && compared.comparison.totalCommitted == 250)
            #expect(
                try await store.submitCommitments(
                    [Commitment(line: 1, quantity: 250, comment: "holiday")], supplierID: "S1", version: 1, by: s1, key: "c-1")
                    == compared)
            _ = await expectStorageError(.idempotencyConflict) {
                _ = try await store.submitCommitments(
                    [Commitment(line: 1, quantity: 1)], supplierID: "S1", version: 1, by: s1, key: "c-1")
            }
            await #expect(throws: WorkflowError.self) {
                _ = try await store.submitCommitments([Commitment(line: 1, quantity: 1)], supplierID: "S1", version: 1, by: pia)
            }
            #expect(try await store.commitmentComparison(supplierID: "S1", version: 1, by: pia) == compared)
            let counts = try await tableCounts(
                store, ["sharing_profiles", "shared_versions", "shared_version_views", "shared_commitments"])
            #expect(counts == ["sharing_profiles": 1, "shared_versions": 1, "shared_version_views": 2, "shared_commitments": 1])
        },
        StorageScenario(name: "forecast sharing: the snapshot carries each supplier's responsiveness") { store in
            try await StorageFixture.load(store)
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let s1 = Authorization.Principal(userID: "acme", role: .supplier, supplierID: "S1")
            #expect(try await store.loadSnapshot().supplierResponsiveness.isEmpty)
            let profile = SharingProfile(
                horizonWeeks: 4, bucket: .month, aggregation: .family, locations: .merged, quantities: .committed)
            _ = try await store.saveSharingProfile(profile, supplierID: "S1", by: pia)
            // Two runs: 70 then 80 a week — the one shared line goes 280 → 320 (Δf = +40).
            for (weekly, committed) in [(70, 250.0), (80, 280.0)] {
                let forecast =
                    #"{"item_id":"P1","location_id":"DC1","model":"ses","bucket":"week","start":"2026-11-02","values":[\#(weekly),\#(weekly),\#(weekly),\#(weekly),\#(weekly)],"demand_per_bucket":\#(weekly),"sigma_per_bucket":1}"#
                _ = try await store.savePlanRun(
                    asOf: StorageFixture.day,
                    results: [PlanResultRow(itemID: "P1", locationID: "DC1", kind: "forecast", payload: forecast)])
                let version = try await store.publishSharedForecast(supplierID: "S1", by: pia).version
                _ = try await store.submitCommitments(
                    [Commitment(line: 1, quantity: committed)], supplierID: "S1", version: version, by: s1)
            }
            let snapshot = try await store.loadSnapshot()
            let s1Index = try #require(snapshot.supplierIndex(id: "S1"))
            let r = try #require(snapshot.supplierResponsiveness[s1Index])
            // Commitment 250 → 280 (Δc = +30) against Δf = +40.
            #expect(r.versions == 2 && r.committedVersions == 2 && r.changedLines == 1 && r.recommittedLines == 1)
            #expect(r.forecastChange == 40 && r.commitmentChange == 30 && r.followRatio == 0.75 && r.score == 0.75)
            #expect(try #require(r.meanDaysToCommit) >= 0)
            #expect(snapshot.supplierResponsiveness.count == 1)
        },
    ]
}
