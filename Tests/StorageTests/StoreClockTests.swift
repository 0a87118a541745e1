import Foundation
import InventoryCore
import Testing

@testable import Storage

/// The store asks its injected clock for "now" and "today": recorded times and the posting-date
/// window follow a fixed clock, not the machine's.
@Suite("The store's clock")
struct StoreClockTests {
    @Test("a fixed clock stamps ledger entries and audit entries, and places the posting-date window")
    func fixedClock() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-clock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let moment = try #require(Timestamp(iso8601: "2026-11-20T08:15:30Z"))
        let store = try await Store.open(
            try DatabaseURL(parsing: "sqlite:" + folder.appendingPathComponent("clock.sqlite").path), clock: FixedClock(moment))
        do {
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("r1", .receipt, 10))
            #expect(try await store.ledgerEntries().first?.recordedAt == "2026-11-20T08:15:30Z")
            let audit = try await store.appendAudit(AuditEntry(actor: "test", action: "test.clock", subject: "clock", detail: ""))
            #expect(audit.at == "2026-11-20T08:15:30Z")
            // 366 days ahead is the last accepted day: 2027-11-21.
            var late = StorageFixture.request("late", .receipt, 1)
            late.date = try #require(Day(iso: "2027-11-22"))
            let refused = await expectStorageError(.invalidPosting) { _ = try await store.post(late) }
            #expect(refused?.message.contains("(today 2026-11-20:") == true)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }
}
