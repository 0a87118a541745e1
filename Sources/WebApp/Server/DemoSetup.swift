import DataImport
import DemoData
import Foundation
import Logging
public import Storage
import Workflow

/// `procura serve --demo`: a demo company in a fresh database — generated, written as a data
/// folder, imported, planned, stored — and an `admin` user with a one-time random password.
public enum DemoSetup {
    /// The demo cannot be set up where asked.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// What was set up.
    public struct Result: Sendable {
        /// The database.
        public var store: Store
        /// Its URL.
        public var url: DatabaseURL
        /// The admin's user id.
        public var adminUserID: String
        /// The admin's password (print it once; it is stored only as a bcrypt hash).
        public var adminPassword: String
        /// The plan run stored.
        public var runNumber: Int
        /// Item-locations planned.
        public var itemLocations: Int
    }

    /// Sizes of the demo company.
    public struct Configuration: Sendable {
        public var items: Int
        public var locations: Int
        public var seed: UInt64
        /// bcrypt cost of the admin's password hash.
        public var bcryptCost: UInt8

        public init(items: Int = 2_000, locations: Int = 3, seed: UInt64 = 42, bcryptCost: UInt8 = 12) {
            self.items = items
            self.locations = locations
            self.seed = seed
            self.bcryptCost = bcryptCost
        }
    }

    /// Creates the demo in the database at `url` (which must have no data yet), reporting each step.
    public static func create(
        at url: DatabaseURL, configuration: Configuration = .init(), progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> Result {
        let store = try await Store.open(url)
        do {
            let runs = try await store.listPlanRuns()
            let info = try await store.datasetInfo()
            if !runs.isEmpty || info["as_of"] != nil {
                throw Failure(
                    description:
                        "the database \(url) has data already — --demo needs a fresh database (leave out --database for a new one)"
                )
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "procura-demo-data-\(Secrets.random(bytes: 6))")
            defer { try? FileManager.default.removeItem(at: folder) }
            progress(
                "generating the demo company (\(configuration.items) items, \(configuration.locations) locations, seed \(configuration.seed))"
            )
            let company = try DemoCompany(
                configuration: DemoCompany.Configuration(
                    itemCount: configuration.items, locationCount: configuration.locations, seed: configuration.seed))
            _ = try DemoDataWriter().write(company, to: folder)
            progress("reading the data folder")
            let snapshot = try DataFolderImporter().load(from: folder).snapshot
            progress("importing into \(url)")
            _ = try await store.importSnapshot(snapshot, settingsYAML: SettingsText.read(folder: folder))
            progress("planning")
            let run = try await PlanPipeline.run(store: store, label: "demo", actor: "demo")
            let password = Secrets.password()
            try await UserAdministration.add(
                store: store, userID: "admin", role: .admin, supplierID: nil, displayName: "Administrator", password: password,
                actor: "demo", cost: configuration.bcryptCost)
            return Result(
                store: store, url: url, adminUserID: "admin", adminPassword: password, runNumber: run.runNumber,
                itemLocations: run.resultCount / 3)
        } catch {
            await store.close()
            throw error
        }
    }
}
