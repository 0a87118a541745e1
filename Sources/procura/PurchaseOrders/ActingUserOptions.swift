import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `--as USER`: who decides, for the commands that change purchase orders. The user must exist in
/// the database (`procura user add`); their role decides what they may do, and the history and
/// audit log name them.
struct ActingUserOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("The user who acts (a user of the database).", valueName: "user"))
    var user: String

    /// The user's principal (unknown or disabled users: `Error: …`, exit 1).
    func principal(_ store: Store) async throws -> Authorization.Principal {
        try await store.actingPrincipal(userID: user)
    }

    /// Applies one decision per order, as this user, all or nothing (``Storage/Store/decidePurchaseOrders(_:key:)``),
    /// and prints one line per order.
    func decide(
        _ ids: [String], _ action: PurchaseOrderAction, reason: String = "", confirmedDate: Day? = nil,
        receipts: [Int: Double] = [:], db: DatabaseOptions
    ) async throws {
        let user = user
        let result = try await WorkflowFailure.report {
            try await db.withStore { store in
                let principal = try await store.actingPrincipal(userID: user)
                return try await store.decidePurchaseOrders(
                    ids.map {
                        PurchaseOrderDecisionRequest(
                            poID: $0, action: action, principal: principal, reason: reason, confirmedDate: confirmedDate,
                            receipts: receipts)
                    })
            }
        }
        StandardStreams.out(PurchaseOrderRendering.decided(result))
    }
}

/// Runs a purchase-order step: workflow refusals (``Workflow/WorkflowError``) and storage errors
/// become `Error: …`, exit 1; nothing was changed then.
enum WorkflowFailure {
    static func report<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as WorkflowError {
            throw CommandFailure(error.message + "\nnothing was changed")
        }
    }
}
