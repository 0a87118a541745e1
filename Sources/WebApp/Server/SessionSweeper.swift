import Foundation
import InventoryCore
import Logging
import ServiceLifecycle
import Storage

/// Deletes expired sessions once an hour; stops with the server's graceful shutdown.
struct SessionSweeper: Service {
    let store: Store
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let removed = try await store.deleteExpiredSessions(now: store.clock.now().iso8601)
                    if removed > 0 { logger.info("expired sessions removed", metadata: ["count": "\(removed)"]) }
                } catch {
                    logger.warning("removing expired sessions failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
