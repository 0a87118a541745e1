import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Storage
import Testing
import Workflow

@testable import WebApp

/// A demo company in a SQLite database, made once per test process and copied for each test, with
/// one user and one API token per role (two suppliers) — known passwords, bcrypt cost 4.
struct WebFixture: Sendable {
    struct Account: Sendable {
        var userID: String
        var role: Role
        var supplierID: String?
        var password: String
        var token: String
    }

    static let password = "correct horse battery staple"
    let template: URL
    let accounts: [String: Account]
    /// Two suppliers with items, and one item-location of each that the other does not supply.
    let supplierA: String
    let supplierB: String
    let itemOfA: (item: String, location: String)
    let itemOfB: (item: String, location: String)

    func account(_ id: String) -> Account { accounts[id]! }

    static let shared = Task<WebFixture, any Error> { try await make() }

    static func make() async throws -> WebFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-web-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("template.sqlite")
        let url = try DatabaseURL(parsing: "sqlite:" + file.path)
        let demo = try await DemoSetup.create(at: url, configuration: .init(items: 60, locations: 2, seed: 11, bcryptCost: 4))
        let store = demo.store
        let view = try await PlanView.load(from: store)
        // The two suppliers with the most item-locations, and an item-location of each not supplied by the other.
        let ranked = view.rowsBySupplier.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map(\.key)
        let a = ranked[0]
        let b = ranked[1]
        func exclusive(_ s: String, not other: String) -> (String, String) {
            let r = view.rowsBySupplier[s]!.first { !view.supplier(other, supplies: view.rows[$0].itemID) }!
            return (view.rows[r].itemID, view.rows[r].locationID)
        }
        try await UserAdministration.setPassword(store: store, userID: "admin", password: password, actor: "test", cost: 4)
        var accounts: [String: Account] = [:]
        let people: [(String, Role, String?)] = [
            ("admin", .admin, nil), ("pia", .planner, nil), ("bo", .buyer, nil), ("ada", .approver, nil), ("fin", .finance, nil),
            ("olga", .operations, nil), ("vic", .viewer, nil), ("supa", .supplier, a), ("supb", .supplier, b),
        ]
        for (id, role, supplier) in people {
            if id != "admin" {
                try await UserAdministration.add(
                    store: store, userID: id, role: role, supplierID: supplier, password: password, actor: "test", cost: 4)
            }
            let (secret, _) = try await UserAdministration.createToken(
                store: store, userID: id, name: "test", expiresInDays: nil, actor: "test")
            accounts[id] = Account(userID: id, role: role, supplierID: supplier, password: password, token: secret)
        }
        await store.close()
        return WebFixture(
            template: file, accounts: accounts, supplierA: a, supplierB: b, itemOfA: exclusive(a, not: b),
            itemOfB: exclusive(b, not: a))
    }

    /// A fresh copy of the template database.
    func copy() throws -> DatabaseURL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("test.sqlite")
        try FileManager.default.copyItem(at: template, to: file)
        return try DatabaseURL(parsing: "sqlite:" + file.path)
    }

    static let configuration = WebAppConfiguration(
        host: "127.0.0.1", port: 0, secureCookies: .auto, bcryptCost: 4, signInFailureLimit: 5, signInWindowSeconds: 900,
        authCacheSeconds: 0)

    /// Runs `body` against the application on a fresh copy of the database (router tests by default).
    static func withApp(
        _ testing: TestingSetup = .router, configuration: WebAppConfiguration = configuration,
        _ body: @escaping @Sendable (any TestClientProtocol, WebFixture, Store) async throws -> Void
    ) async throws {
        let fixture = try await shared.value
        let store = try await Store.open(try fixture.copy())
        var logger = Logger(label: "procura.web.test")
        logger.logLevel = .warning
        do {
            let app = try await WebServer.application(store: store, configuration: configuration, logger: logger)
            try await app.test(testing) { client in try await body(client, fixture, store) }
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }
}

extension HTTPFields {
    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: body.data, options: [.fragmentsAllowed]) }

    func object() throws -> [String: Any] { try #require(try json() as? [String: Any]) }
}
