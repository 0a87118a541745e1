import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura delegations list|add|revoke`: delegations of approval authority with a validity window.
struct DelegationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delegations",
        abstract: "List, add and revoke delegations of approval authority (a window of days).",
        discussion: """
            While a delegation is in force, its delegate may approve purchase orders at the delegator's level. \
            One delegates one's own authority (an admin anyone's); the delegate must be another active user \
            whose role may approve orders; the window is at most 366 days. Segregation of duties holds for \
            both: a delegator who created, changed or approved an order lends no authority for it. Example:
              procura delegations add --delegator fin --delegate ana --from 2026-12-20 --to 2027-01-03 \\
                --reason "holiday" --as fin
            """,
        subcommands: [DelegationsList.self, DelegationsAdd.self, DelegationsRevoke.self])
}

struct DelegationsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List delegations, newest first.")
    @Flag(help: "Only those in force today.") var active = false
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var db: DatabaseOptions

    static let columns = [
        "delegation_id", "delegator", "delegate", "valid_from", "valid_to", "reason", "created_by", "created_at", "revoked_by",
        "revoked_at",
    ]

    func run() async throws {
        let active = active
        let list = try await db.withStore { store in
            try await store.approvalDelegations(activeOn: active ? store.clock.today() : nil)
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(list).pretty + "\n")
            return
        }
        let rows = list.map {
            [
                $0.id, $0.delegator, $0.delegate, $0.validFrom.description, $0.validTo.description, $0.reason, $0.createdBy,
                $0.createdAt, $0.revokedBy, $0.revokedAt,
            ]
        }
        StandardStreams.out(
            RowReport(columns: Self.columns, numeric: [], rows: rows).rendered(format, title: "Delegations: \(list.count)"))
    }
}

struct DelegationsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Delegate approval authority for a window.")
    @Option(help: "Whose authority (yourself, or anyone as an admin).") var delegator: String
    @Option(help: "Who may use it.") var delegate: String
    @Option(help: "First day (YYYY-MM-DD).") var from: String
    @Option(help: "Last day (YYYY-MM-DD), at most 366 days after --from.") var to: String
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if Day(iso: from) == nil { throw ValidationError("--from '\(from)' — expected YYYY-MM-DD") }
        if Day(iso: to) == nil { throw ValidationError("--to '\(to)' — expected YYYY-MM-DD") }
    }

    func run() async throws {
        let (user, delegator, delegate, reason) = (actor.user, delegator, delegate, reason)
        guard let from = Day(iso: from), let to = Day(iso: to) else { throw ValidationError("--from/--to — expected YYYY-MM-DD") }
        let created = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.createApprovalDelegation(
                    delegator: delegator, delegate: delegate, validFrom: from, validTo: to, reason: reason,
                    by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(
            "\(created.id): \(created.delegate) approves at \(created.delegator)'s level from \(created.validFrom) to \(created.validTo)\n"
        )
    }
}

struct DelegationsRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a delegation (its delegator, its delegate or an admin).")
    @Argument(help: "The delegation (DL-000001 …).") var id: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (user, id) = (actor.user, id)
        let revoked = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.revokeApprovalDelegation(id: id, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out("\(revoked.id) revoked by \(revoked.revokedBy)\n")
    }
}
