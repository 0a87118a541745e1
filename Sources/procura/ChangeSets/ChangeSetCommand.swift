public import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura changeset create|preview|approve|reject|apply|reverse|list|show`: many item-location
/// changes at once — locations merged or closed — previewed, approved by another person, applied
/// and reversible (``Storage/Store/createChangeSet(_:by:key:)``,
/// ``Storage/Store/decideChangeSet(_:_:by:reason:key:replan:)``; docs/changesets.md).
struct ChangeSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changeset",
        abstract: "Change sets: merge or close locations — previewed, approved (four eyes), applied and reversible.",
        discussion: """
            create records a draft; preview recomputes the policies of the affected item-locations with the \
            plan engine on the data as it would be after (nothing is written to the ledger); approve is by \
            another person than the author; apply posts the transfers through the ledger rules and closes the \
            location in one transaction, then runs the plan; reverse posts the exact opposite and re-opens the \
            location. Example:
              procura changeset create --kind merge_locations --location WEST --into DC --as pia
              procura changeset preview CS-000001 --as pia
              procura changeset approve CS-000001 --as ann
              procura changeset apply CS-000001 --as pia
              procura changeset reverse CS-000001 --as pia
            """,
        subcommands: [
            ChangeSetCreate.self, ChangeSetPreviewCommand.self, ChangeSetApprove.self, ChangeSetReject.self,
            ChangeSetApply.self, ChangeSetReverse.self, ChangeSetList.self, ChangeSetShow.self,
        ])
}

extension ChangeSetKind: ExpressibleByArgument {}
extension ChangeSetState: ExpressibleByArgument {}

struct ChangeSetCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Record a draft change set.")
    @Option(help: "merge_locations or close_location.") var kind: ChangeSetKind
    @Option(help: "The location merged or closed.") var location: String
    @Option(help: "The location its stock goes into.") var into: String
    @Option(help: "A note for the approver.") var note: String = ""
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    func run() async throws {
        let (request, user, format) = (
            ChangeSetRequest(kind: kind, locationID: location, intoLocationID: into, note: note), actor.user, format
        )
        let result = try await DispositionFailure.report {
            try await db.withStore { store in
                try await store.createChangeSet(request, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(try ChangeSetRendering.show(result.changeSet, format: format))
    }
}

/// `preview`, `approve`, `reject`, `apply`, `reverse`: one step as `--as USER`.
enum ChangeSetStep {
    static func run(
        _ id: String, _ action: ChangeSetAction, user: String, reason: String = "", db: DatabaseOptions,
        format: OutputFormat = .table
    ) async throws {
        let result = try await DispositionFailure.report {
            try await db.withStore { store in
                try await store.decideChangeSet(
                    id, action, by: try await store.actingPrincipal(userID: user), reason: reason)
            }
        }
        StandardStreams.out(try ChangeSetRendering.show(result.changeSet, format: format))
    }
}

struct ChangeSetPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Compute the effect per item-location (stock, safety stock, reorder point, value, service); nothing is posted.")
    @Argument(help: "The change set id (CS-000001).") var id: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv (the lines) or json.") var format: OutputFormat = .table

    func run() async throws { try await ChangeSetStep.run(id, .preview, user: actor.user, db: db, format: format) }
}

struct ChangeSetApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a previewed change set (not your own).")
    @Argument(help: "The change set id.") var id: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await ChangeSetStep.run(id, .approve, user: actor.user, db: db) }
}

struct ChangeSetReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a draft or previewed change set, with a reason.")
    @Argument(help: "The change set id.") var id: String
    @Option(help: "Why (1 to 500 characters).") var reason: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await ChangeSetStep.run(id, .reject, user: actor.user, reason: reason, db: db) }
}

struct ChangeSetApply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply an approved change set: transfers, location closed (all or nothing), then a plan run.")
    @Argument(help: "The change set id.") var id: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await ChangeSetStep.run(id, .apply, user: actor.user, db: db) }
}

struct ChangeSetReverse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse",
        abstract: "Reverse an applied change set: reversal postings, location re-opened, then a plan run.")
    @Argument(help: "The change set id.") var id: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws { try await ChangeSetStep.run(id, .reverse, user: actor.user, db: db) }
}

struct ChangeSetList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The change sets, newest first.")
    @Option(help: "Only change sets in this state: draft, previewed, approved, applied, reversed or rejected.")
    var state: ChangeSetState?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let state = state
        let sets = try await db.withStore { try await $0.changeSets(state: state) }
        StandardStreams.out(ChangeSetRendering.list(sets).rendered(format, title: "Change sets: \(sets.count)"))
    }
}

struct ChangeSetShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One change set: its steps (who, when), its preview, its postings.")
    @Argument(help: "The change set id.") var id: String
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv (the preview lines) or json.") var format: OutputFormat = .table

    func run() async throws {
        let id = id
        let found = try await db.withStore { try await $0.changeSet(id) }
        StandardStreams.out(try ChangeSetRendering.show(found, format: format))
    }
}
