import InventoryCore
import Storage
import Testing

extension StorageScenario {
    static let administration: [StorageScenario] = [
        StorageScenario(
            name: "users are created, their password changed and disabled, each change in the audit log with before and after"
        ) { store in
            try await StorageFixture.load(store)
            try await store.createUser(
                UserRecord(userID: "alice", displayName: "Alice", role: "planner", passwordHash: "$2b$04$x"), actor: "cli")
            try await store.createUser(
                UserRecord(userID: "s1", role: "supplier", supplierID: "S1", passwordHash: "h"), actor: "alice")
            await expectStorageError(.duplicateUser) {
                try await store.createUser(UserRecord(userID: "alice", role: "viewer"), actor: "cli")
            }
            await expectStorageError(.unknownSupplier) {
                try await store.createUser(UserRecord(userID: "s9", role: "supplier", supplierID: "NOPE"), actor: "cli")
            }
            let alice = try #require(try await store.user(id: "alice"))
            #expect(alice.role == "planner" && alice.displayName == "Alice" && alice.active && alice.passwordHash == "$2b$04$x")
            #expect(try await store.user(id: "s1")?.supplierID == "S1")
            #expect(try await store.users().map(\.userID) == ["alice", "s1"])

            try await store.createSession(
                SessionRecord(sessionHash: "h1", userID: "alice", csrfToken: "c1", expiresAt: "2999-01-01T00:00:00Z"))
            try await store.setPasswordHash("$2b$04$y", userID: "alice", actor: "cli")
            #expect(try await store.user(id: "alice")?.passwordHash == "$2b$04$y")
            #expect(try await store.session(hash: "h1") == nil, "a new password ends the user's sessions")
            await expectStorageError(.unknownUser) { try await store.setPasswordHash("x", userID: "bob", actor: "cli") }

            try await store.createAPIToken(
                APITokenRecord(tokenID: "tok_1", tokenHash: "th1", userID: "alice", name: "erp"), actor: "alice")
            try await store.createSession(
                SessionRecord(sessionHash: "h2", userID: "alice", csrfToken: "c2", expiresAt: "2999-01-01T00:00:00Z"))
            let disabled = try await store.setUserActive(false, userID: "alice", actor: "admin")
            #expect(!disabled.active)
            #expect(try await store.session(hash: "h2") == nil)
            #expect(try await store.apiToken(hash: "th1")?.revokedAt != nil, "disabling revokes the user's tokens")

            let log = try await store.auditLog(limit: 100)
            #expect(log.map(\.action).prefix(3) == ["user.disable", "session.sign_in", "token.create"])
            let disable = try #require(log.first)
            #expect(disable.actor == "admin" && disable.subject == "user:alice")
            #expect(disable.before.contains("\"active\":true") && disable.after.contains("\"active\":false"))
            #expect(!disable.before.contains("$2b$"), "password hashes never reach the audit log")
            let create = try #require(log.first { $0.action == "user.create" && $0.subject == "user:alice" })
            #expect(create.actor == "cli" && create.before.isEmpty && create.after.contains("\"role\":\"planner\""))
            // Paging and filters.
            let firstPage = try await store.auditLog(limit: 2)
            let secondPage = try await store.auditLog(limit: 2, beforeID: firstPage.last?.auditID)
            #expect(
                firstPage.count == 2 && secondPage.count == 2
                    && Set(firstPage.map(\.auditID)).isDisjoint(with: secondPage.map(\.auditID)))
            #expect(try await store.auditLog(actionPrefix: "user.").allSatisfy { $0.action.hasPrefix("user.") })
            #expect(try await store.auditLog(actor: "alice").map(\.action).contains("user.create"))
        },
        StorageScenario(name: "sessions and API tokens are found by hash, expire, and are revoked") { store in
            try await StorageFixture.load(store)
            try await store.createUser(UserRecord(userID: "bob", role: "viewer"), actor: "cli")
            try await store.createSession(
                SessionRecord(sessionHash: "old", userID: "bob", csrfToken: "c", expiresAt: "2000-01-01T00:00:00Z"))
            try await store.createSession(
                SessionRecord(sessionHash: "new", userID: "bob", csrfToken: "d", expiresAt: "2999-01-01T00:00:00Z"))
            #expect(try await store.session(hash: "new")?.csrfToken == "d")
            #expect(try await store.deleteExpiredSessions(now: "2026-11-28T00:00:00Z") == 1)
            #expect(try await store.session(hash: "old") == nil)
            try await store.deleteSession(hash: "new")
            #expect(try await store.session(hash: "new") == nil)
            #expect(try await store.auditLog(limit: 1).first?.action == "session.sign_out")

            await expectStorageError(.unknownUser) {
                try await store.createAPIToken(APITokenRecord(tokenID: "tok_x", tokenHash: "x", userID: "nobody"), actor: "cli")
            }
            try await store.createAPIToken(
                APITokenRecord(tokenID: "tok_a", tokenHash: "ha", userID: "bob", name: "a"), actor: "cli")
            try await store.createAPIToken(
                APITokenRecord(tokenID: "tok_b", tokenHash: "hb", userID: "bob", name: "b", expiresAt: "2999-01-01T00:00:00Z"),
                actor: "cli")
            #expect(try await store.apiToken(hash: "hb")?.tokenID == "tok_b")
            #expect(try await store.apiTokens(userID: "bob").map(\.tokenID) == ["tok_a", "tok_b"])
            let revoked = try await store.revokeAPIToken(id: "tok_a", actor: "bob")
            #expect(revoked.revokedAt != nil)
            let again = try await store.revokeAPIToken(id: "tok_a", actor: "bob")
            #expect(again.revokedAt == revoked.revokedAt)
            #expect(try await store.auditLog(actionPrefix: "token.revoke").count == 1, "revoking twice is logged once")
            await expectStorageError(.unknownToken) { try await store.revokeAPIToken(id: "tok_zz", actor: "bob") }
        },
        StorageScenario(name: "overrides are created, replaced, listed and expired with the audit trail") { store in
            try await StorageFixture.load(store)
            let from = Day(year: 2026, month: 11, day: 1)!
            let record = OverrideRecord(
                itemID: "P1", locationID: "DC1", parameter: "safety_stock", value: 40, reason: "new line starts", author: "alice",
                validFrom: from,
                validTo: Day(year: 2027, month: 3, day: 31)!)
            #expect(try await store.saveOverride(record, actor: "alice") == nil)
            var changed = record
            changed.value = 45
            #expect(try await store.saveOverride(changed, actor: "alice")?.value == 40)
            #expect(try await store.overrides(itemID: "P1").map(\.value) == [45])
            await expectStorageError(.invalidOverride) {
                var bad = record
                bad.reason = "  "
                try await store.saveOverride(bad, actor: "alice")
            }
            await expectStorageError(.invalidOverride) {
                var bad = record
                bad.validTo = Day(year: 2026, month: 10, day: 1)!
                try await store.saveOverride(bad, actor: "alice")
            }
            await expectStorageError(.unknownItem) {
                var bad = record
                bad.itemID = "NOPE"
                try await store.saveOverride(bad, actor: "alice")
            }
            let today = Day(year: 2026, month: 12, day: 10)!
            let expired = try await store.expireOverride(
                itemID: "P1", locationID: "DC1", parameter: "safety_stock", validFrom: from, on: today, actor: "bob")
            #expect(expired.validTo == Day(year: 2026, month: 12, day: 9)!)
            #expect(!expired.isValid(on: today) && expired.isValid(on: today.adding(days: -1)))
            await expectStorageError(.unknownOverride) {
                try await store.expireOverride(
                    itemID: "P1", locationID: "DC1", parameter: "max", validFrom: nil, on: today, actor: "bob")
            }
            let log = try await store.auditLog(actionPrefix: "override.")
            #expect(log.map(\.action) == ["override.expire", "override.replace", "override.create"])
            #expect(log[0].actor == "bob" && log[0].before.contains("2027-03-31") && log[0].after.contains("2026-12-09"))
            // The plan reads it back through the snapshot.
            let snapshot = try await store.loadSnapshot()
            #expect(snapshot.overrides.map(\.value) == [45])
        },
        StorageScenario(name: "ledger entries are listed newest first by page, and stock-out days survive the import") { store in
            var snapshot = StorageFixture.snapshot()
            snapshot.demand.stockoutDays = [UInt8](
                repeating: 0, count: snapshot.demand.series.count * snapshot.demand.bucketCount)
            snapshot.demand.stockoutDays?[1] = 3
            _ = try await store.importSnapshot(snapshot)
            for k in 1...5 { _ = try await store.post(StorageFixture.request("r\(k)", .receipt, Double(k))) }
            _ = try await store.post(StorageFixture.request("p2", .receipt, 1, item: "P2"))
            let page = try await store.ledgerEntries(itemID: "P1", limit: 3)
            #expect(page.map(\.key) == ["r5", "r4", "r3"])
            let next = try await store.ledgerEntries(itemID: "P1", limit: 3, beforeID: page.last?.entryID)
            #expect(next.map(\.key) == ["r2", "r1"])
            #expect(page[0].quantity == StorageFixture.q(5) && page[0].type == .receipt && page[0].value == 125_000)
            #expect(try await store.ledgerEntries(limit: 1).first?.key == "p2")
            #expect(try await store.datasetInfo()["as_of"] == snapshot.asOf.description)
            let loaded = try await store.loadSnapshot()
            let row = try #require(loaded.demand.row(of: snapshot.demand.series[0]))
            #expect(loaded.demand.stockoutDays?[row * loaded.demand.bucketCount + 1] == 3)
            #expect(loaded.demand.stockoutDays?.reduce(0) { $0 + Int($1) } == 3)
        },
    ]
}
