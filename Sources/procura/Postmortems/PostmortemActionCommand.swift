import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura postmortem action add|close` (``Storage/Store/addAction(_:by:key:)``,
/// ``Storage/Store/closeAction(_:_:comment:by:)``).
struct PostmortemActionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Add an action to a post-mortem, or close one as done or cancelled.",
        subcommands: [PostmortemActionAdd.self, PostmortemActionClose.self])
}

struct PostmortemActionAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an action with an owner and a due date.")
    @Argument(help: "The post-mortem.") var postmortem: String
    @Option(help: "What to do (1 to 200 characters).") var title: String
    @Option(help: "The user who owns it (not a supplier user).") var owner: String
    @Option(help: "When it is due (YYYY-MM-DD).") var due: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let request = TrackedActionRequest(
            subjectKind: .postmortem, subjectID: postmortem, title: title, owner: owner,
            dueDate: try PostmortemFailure.day(due, flag: "--due"))
        let user = actor.user
        let added = try await PostmortemFailure.report {
            try await db.withStore { store in
                try await store.addAction(request, by: try await store.actingPrincipal(userID: user)).value
            }
        }
        StandardStreams.out(
            "\(added.actionID) added to \(added.subjectID): \(added.title) — owner \(added.owner), due \(added.dueDate)\n")
    }
}

struct PostmortemActionClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close an open action as done (--done) or cancelled (--cancel, with a comment).")
    @Argument(help: "The action (ACT-000001).") var action: String
    @Flag(help: "It was done.") var done = false
    @Flag(help: "It will not be done (needs --comment).") var cancel = false
    @Option(help: "A comment (up to 500 characters; required with --cancel).") var comment: String = ""
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if done == cancel { throw ValidationError("give one of --done and --cancel") }
    }

    func run() async throws {
        let (id, closing, comment, user) = (action, done ? TrackedActionClosing.done : .cancel, comment, actor.user)
        let closed = try await PostmortemFailure.report {
            try await db.withStore { store in
                try await store.closeAction(id, closing, comment: comment, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out(
            "\(closed.actionID): \(closed.state.rawValue) by \(closed.closedBy)"
                + (closed.comment.isEmpty ? "" : " — \(closed.comment)") + "\n")
    }
}

/// The tables of `procura postmortem show`.
enum PostmortemRendering {
    static func detail(_ d: PostmortemDetail, format: OutputFormat) -> String {
        let p = d.postmortem
        var out = "\(p.postmortemID) (\(p.state.rawValue)): \(p.title)\n"
        out += "\(p.kind.rawValue) of \(p.itemID) at \(p.locationID), \(p.from) to \(p.to); opened by \(p.openedBy)"
        out += p.state == .closed ? ", closed by \(p.closedBy)\n\n" : "\n\n"
        out += RowReport(
            columns: ["date", "kind", "text", "link"], numeric: [],
            rows: d.timeline.map { [$0.date.description, $0.kind.rawValue, $0.text, $0.link] }
        ).rendered(format, title: "timeline: \(d.timeline.count) events")
        out += "\n"
        out += RowReport(
            columns: ["category", "text", "evidence"], numeric: [],
            rows: d.suggestedCauses.map { [$0.category.rawValue, $0.text, $0.evidence.link] }
        ).rendered(format, title: "suggested causes: \(d.suggestedCauses.count)")
        out += "\n"
        out += RowReport(
            columns: ["no", "category", "text", "evidence", "recorded_by"], numeric: [0],
            rows: d.causes.map { [String($0.number), $0.category.rawValue, $0.text, $0.evidence, $0.recordedBy] }
        ).rendered(format, title: "causes: \(d.causes.count)")
        out += "\n"
        out += RowReport(
            columns: ["action_id", "state", "overdue", "owner", "due_date", "title", "closed_by", "comment"], numeric: [],
            rows: d.actions.map {
                [
                    $0.actionID, $0.state.rawValue, $0.overdue ? "yes" : "", $0.owner, $0.dueDate, $0.title, $0.closedBy,
                    $0.comment,
                ]
            }
        ).rendered(format, title: "actions: \(d.actions.count)")
        return out
    }
}
