public import ArgumentParser
import InventoryCore
import Storage
import Workflow

/// `procura postmortem open|show|list|cause|action add|action close|close`: post-mortems of
/// inventory incidents with their timeline from the data, causes and tracked actions
/// (``Storage/Store/openPostmortem(_:by:key:)``, ``Storage/Store/postmortem(_:)``,
/// ``Storage/Store/recordCause(postmortemID:category:text:evidence:by:key:)``,
/// ``Storage/Store/addAction(_:by:key:)``, ``Storage/Store/closeAction(_:_:comment:by:)``,
/// ``Storage/Store/closePostmortem(_:by:)``; docs/postmortems.md).
struct PostmortemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Post-mortems of inventory incidents: timeline from the data, causes, actions tracked to closure.",
        discussion: """
            Example:
              procura postmortem open --title "Stock-out of FST-10001" --item FST-10001 --location DC-RTM \\
                --from 2026-10-01 --to 2026-10-31 --kind stock_out --as pl
              procura postmortem show PM-000001
              procura postmortem cause PM-000001 --category supplier_late --text "PO-000012 came 9 days late" \\
                --evidence PO-000012 --as pl
              procura postmortem action add PM-000001 --title "Agree a safety lead time" --owner bo --due 2026-12-15 --as pl
              procura postmortem action close ACT-000001 --done --comment "agreed 5 days" --as bo
              procura postmortem close PM-000001 --as pl
            """,
        subcommands: [
            PostmortemOpen.self, PostmortemShow.self, PostmortemList.self, PostmortemCauseCommand.self,
            PostmortemActionCommand.self,
            PostmortemClose.self,
        ])
}

extension IncidentKind: ExpressibleByArgument {}
extension CauseCategory: ExpressibleByArgument {}
extension PostmortemState: ExpressibleByArgument {}

/// Turns refusals of the workflow and the store into `Error: …` (exit 1).
enum PostmortemFailure {
    static func report<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as WorkflowError {
            throw CommandFailure(error.message + "\nnothing was changed")
        } catch let error as StorageError where error.code != .database {
            throw CommandFailure(error.message + "\nnothing was changed")
        }
    }

    static func day(_ text: String, flag: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\(flag) '\(text)' — expected a date YYYY-MM-DD") }
        return day
    }
}

struct PostmortemOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a post-mortem on an incident of an item-location over a window.")
    @Option(help: "The incident's title (1 to 200 characters).") var title: String
    @Option(help: "The item.") var item: String
    @Option(help: "The location.") var location: String
    @Option(help: "The window's first day (YYYY-MM-DD).") var from: String
    @Option(help: "The window's last day (YYYY-MM-DD).") var to: String
    @Option(help: "stock_out, excess or write_off.") var kind: IncidentKind
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let request = PostmortemRequest(
            title: title, itemID: item, locationID: location, from: try PostmortemFailure.day(from, flag: "--from"),
            to: try PostmortemFailure.day(to, flag: "--to"), kind: kind)
        let user = actor.user
        let opened = try await PostmortemFailure.report {
            try await db.withStore { store in
                try await store.openPostmortem(request, by: try await store.actingPrincipal(userID: user)).value
            }
        }
        StandardStreams.out(
            "\(opened.postmortemID) opened: \(opened.kind.rawValue) of \(opened.itemID) at \(opened.locationID), \(opened.from) to \(opened.to)\n"
        )
    }
}

struct PostmortemList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The post-mortems, newest first.")
    @Option(help: "Only open or closed ones.") var state: PostmortemState?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let state = state
        let (list, actions) = try await db.withStore { store in
            (try await store.postmortems(state: state), try await store.actions(subjectKind: .postmortem))
        }
        let report = RowReport(
            columns: [
                "postmortem_id", "state", "kind", "item_id", "location_id", "from", "to", "open_actions", "overdue_actions",
                "title",
            ], numeric: [7, 8],
            rows: list.map { p in
                let mine = actions.filter { $0.subjectID == p.postmortemID }
                return [
                    p.postmortemID, p.state.rawValue, p.kind.rawValue, p.itemID, p.locationID, p.from, p.to,
                    String(mine.filter { $0.state == .open }.count), String(mine.filter(\.overdue).count), p.title,
                ]
            })
        StandardStreams.out(report.rendered(format, title: "post-mortems: \(list.count)"))
    }
}

struct PostmortemShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A post-mortem: its timeline from the data, suggested and recorded causes, actions.")
    @Argument(help: "The post-mortem (PM-000001).") var postmortem: String
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    func run() async throws {
        let id = postmortem
        let detail = try await PostmortemFailure.report { try await db.withStore { store in try await store.postmortem(id) } }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(detail).pretty + "\n")
            return
        }
        StandardStreams.out(PostmortemRendering.detail(detail, format: format))
    }
}

struct PostmortemCauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cause", abstract: "Record a cause: a category, a text and the timeline event it cites.")
    @Argument(help: "The post-mortem.") var postmortem: String
    @Option(
        help: ArgumentHelp(
            "One of \(CauseCategory.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "category"))
    var category: CauseCategory
    @Option(help: "What happened (1 to 500 characters).") var text: String
    @Option(help: "The link of the timeline event it cites (ledger:42, PO-000003, …).") var evidence: String = ""
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (id, category, text, evidence, user) = (postmortem, category, text, evidence, actor.user)
        let cause = try await PostmortemFailure.report {
            try await db.withStore { store in
                try await store.recordCause(
                    postmortemID: id, category: category, text: text, evidence: evidence,
                    by: try await store.actingPrincipal(userID: user)
                ).value
            }
        }
        StandardStreams.out("\(id) cause \(cause.number): \(cause.category.rawValue) — \(cause.text)\n")
    }
}

struct PostmortemClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a post-mortem (every action done or cancelled).")
    @Argument(help: "The post-mortem.") var postmortem: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (id, user) = (postmortem, actor.user)
        let closed = try await PostmortemFailure.report {
            try await db.withStore { store in
                try await store.closePostmortem(id, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out("\(closed.postmortemID) closed by \(closed.closedBy)\n")
    }
}
