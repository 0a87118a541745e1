import ArgumentParser
import Foundation
import Storage

/// `--database URL`, falling back to `PROCURA_DATABASE_URL`, then `sqlite:./procura.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB (default: $PROCURA_DATABASE_URL, else sqlite:./procura.sqlite).",
            valueName: "url"))
    var database: String?

    /// The URL to use.
    func url() throws -> DatabaseURL {
        if let database { return try DatabaseURL(parsing: database) }
        if let env = ProcessInfo.processInfo.environment[DatabaseURL.environmentVariable], !env.isEmpty {
            return try DatabaseURL(parsing: env)
        }
        return DatabaseURL.defaultURL
    }

    /// Opens (and migrates) the database, runs `body`, closes it; storage errors are printed
    /// as `error: …` and end the command with exit status 1.
    func withStore<T>(_ body: (Store) async throws -> T) async throws -> T {
        let store = try await StorageFailure.report { try await Store.open(try url()) }
        do {
            let result = try await StorageFailure.report { try await body(store) }
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Prints storage errors as `error: …` on stderr and exits 1; other errors pass through.
enum StorageFailure {
    static func report<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StorageError {
            throw CommandFailure(error.message)
        } catch let error as PostingBatchError {
            throw CommandFailure(error.underlying.message)
        }
    }
}
