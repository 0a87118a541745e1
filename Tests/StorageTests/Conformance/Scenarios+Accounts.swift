import Foundation
import Storage
import Testing
import Workflow

extension StorageScenario {
    /// Issue 19.11 and 19.8/19.10 on both databases: token parents, default expiry, sessions
    /// replaced on sign-in, and rules checked before anything is written.
    static let accounts: [StorageScenario] = [
        StorageScenario(
            name: "a token made with a token expires no later than it and is revoked with it, through every generation"
        ) { store in
            try await StorageFixture.load(store)
            try await store.createUser(UserRecord(userID: "bob", role: "viewer"), actor: "cli")
            let (_, parent) = try await UserAdministration.createToken(
                store: store, userID: "bob", name: "parent", expiresInDays: 10, parentTokenID: nil, actor: "bob")
            let (_, child) = try await UserAdministration.createToken(
                store: store, userID: "bob", name: "child", expiresInDays: nil, parentTokenID: parent.tokenID, actor: "bob")
            let (_, grandchild) = try await UserAdministration.createToken(
                store: store, userID: "bob", name: "grandchild", expiresInDays: 3650, parentTokenID: child.tokenID, actor: "bob")
            let (_, other) = try await UserAdministration.createToken(
                store: store, userID: "bob", name: "other", expiresInDays: nil, actor: "bob")
            #expect(child.parentTokenID == parent.tokenID && grandchild.parentTokenID == child.tokenID)
            #expect(
                child.expiresAt == parent.expiresAt && grandchild.expiresAt == parent.expiresAt, "capped at the parent's 10 days")
            let days = (ISO8601DateFormatter().date(from: other.expiresAt ?? "")?.timeIntervalSinceNow ?? 0) / 86_400
            #expect(days > 89 && days <= 90, "90 days by default")
            #expect(try await store.apiToken(id: grandchild.tokenID)?.parentTokenID == child.tokenID, "the parent is stored")

            try await store.revokeAPIToken(id: parent.tokenID, actor: "bob")
            for id in [parent.tokenID, child.tokenID, grandchild.tokenID] {
                #expect(try await store.apiToken(id: id)?.revokedAt != nil, "\(id) revoked")
            }
            #expect(try await store.apiToken(id: other.tokenID)?.revokedAt == nil, "an unrelated token lives on")
            let log = try await store.auditLog(limit: 3, actionPrefix: "token.revoke")
            #expect(
                Set(log.map(\.subject)) == Set([parent, child, grandchild].map { "token:\($0.tokenID)" }), "one entry per token")
            await expectStorageError(.unknownToken) {
                _ = try await UserAdministration.createToken(
                    store: store, userID: "bob", name: "late", expiresInDays: nil, parentTokenID: parent.tokenID, actor: "bob")
            }
            #expect(try await store.apiTokens(userID: "bob").count == 4, "nothing made with a revoked token")
        },
        StorageScenario(name: "signing in again ends the browser's earlier session in the same transaction") { store in
            try await StorageFixture.load(store)
            try await store.createUser(UserRecord(userID: "bob", role: "viewer"), actor: "cli")
            try await store.createSession(
                SessionRecord(sessionHash: "first", userID: "bob", csrfToken: "c1", expiresAt: "2999-01-01T00:00:00Z"))
            try await store.createSession(
                SessionRecord(sessionHash: "other", userID: "bob", csrfToken: "c2", expiresAt: "2999-01-01T00:00:00Z"))
            try await store.createSession(
                SessionRecord(sessionHash: "second", userID: "bob", csrfToken: "c3", expiresAt: "2999-01-01T00:00:00Z"),
                replacing: "first")
            #expect(try await store.session(hash: "first") == nil)
            #expect(try await store.session(hash: "second") != nil)
            #expect(try await store.session(hash: "other") != nil, "another browser's session lives on")
            let log = try await store.auditLog(limit: 2)
            #expect(log.map(\.action) == ["session.sign_in", "session.sign_out"])
            #expect(log.last?.detail == "signed in again; this session ended")
        },
        StorageScenario(name: "account rules are checked before anything is written") { store in
            try await StorageFixture.load(store)
            let before = try await store.auditLog(limit: 1000).count
            await #expect(throws: RuleViolation.self) {
                try await UserAdministration.add(
                    store: store, userID: "eve", role: .viewer, supplierID: nil, displayName: "Eve", password: "aaaaaaaaaaaaaaaa",
                    actor: "cli", cost: 4)
            }
            await #expect(throws: RuleViolation.self) {
                try await UserAdministration.add(
                    store: store, userID: "eve", role: .viewer, supplierID: nil, displayName: "Eve\r\nadmin", password: nil,
                    actor: "cli", cost: 4)
            }
            await #expect(throws: RuleViolation.self) {
                try await UserAdministration.add(
                    store: store, userID: "eve", role: .supplier, supplierID: nil, password: nil, actor: "cli", cost: 4)
            }
            #expect(try await store.user(id: "eve") == nil)
            #expect(try await store.auditLog(limit: 1000).count == before, "no audit entry either")
            let eve = try await UserAdministration.add(
                store: store, userID: "eve", role: .viewer, supplierID: nil, displayName: " Eve ",
                password: "a long enough pass phrase", actor: "cli",
                cost: 4)
            #expect(eve.displayName == "Eve" && eve.passwordHash?.hasPrefix("$2b$04$") == true)
            #expect(try await UserAdministration.verify("a long enough pass phrase", hash: eve.passwordHash ?? ""))
        },
    ]
}
