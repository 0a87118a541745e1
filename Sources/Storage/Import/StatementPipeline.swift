import SQLKit

/// Runs statements one after another, letting the next one be built and serialised (on the
/// caller's thread) while the previous one executes (on the database's thread or socket).
///
/// Only for statements whose order does not matter (rows with distinct keys): two submitted
/// statements may reach the database in either order. Before leaving a transaction with an
/// error, call ``abandon()`` so no statement of it runs after the rollback.
struct StatementPipeline {
    let db: any SQLDatabase
    private var inFlight: Task<Void, any Error>? = nil

    init(db: any SQLDatabase) {
        self.db = db
    }

    /// Starts `statement`, then waits for the one before it.
    mutating func submit(_ statement: any SQLExpression) async throws {
        let db = self.db
        let task = Task { try await db.execute(sql: statement) { _ in } }
        if let previous = inFlight {
            do {
                try await previous.value
            } catch {
                _ = try? await task.value
                inFlight = nil
                throw error
            }
        }
        inFlight = task
    }

    /// Waits for the last statement.
    mutating func finish() async throws {
        if let previous = inFlight {
            inFlight = nil
            try await previous.value
        }
    }

    /// Waits for the last statement, ignoring its outcome.
    mutating func abandon() async {
        if let previous = inFlight {
            inFlight = nil
            _ = try? await previous.value
        }
    }
}
