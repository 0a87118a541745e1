import ArgumentParser
import Foundation
import InventoryCore
import Storage

/// `procura scenario-specs list|show|save|delete`: the scenario specs a user saved in the database
/// (docs/scenarios.md, "Saved specs"); `procura scenario --saved NAME --as USER` runs one.
struct ScenarioSpecsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario-specs",
        abstract: "List, show, save and delete the scenario specs a user saved in the database.",
        discussion: """
            Each user has their own saved specs (only they see them; suppliers may not use scenarios). A \
            spec is checked against the database's data as a run checks it before it is saved (every \
            problem's line and field, exit status 64; nothing is stored); at most 64 KiB; names are 1 to \
            100 characters without slashes or control characters. Replacing a spec names the version it \
            replaces (--replacing N), so two people's edits never overwrite each other. Example:
              procura scenario-specs save surge --spec surge.yaml --as pia
              procura scenario --saved surge --as pia
            """,
        subcommands: [ScenarioSpecsList.self, ScenarioSpecsShow.self, ScenarioSpecsSave.self, ScenarioSpecsDelete.self])
}

struct ScenarioSpecsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List your saved specs by name.")
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let user = actor.user
        let list = try await WorkflowFailure.report {
            try await db.withStore { store in try await store.scenarioSpecs(by: try await store.actingPrincipal(userID: user)) }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(list).pretty + "\n")
            return
        }
        let rows = list.map { [$0.name, $0.title, String($0.shocks), String($0.version), $0.createdAt, $0.updatedAt] }
        StandardStreams.out(
            RowReport(columns: ["name", "title", "shocks", "version", "created_at", "updated_at"], numeric: [2, 3], rows: rows)
                .rendered(format, title: "Saved scenario specs of \(user): \(list.count)"))
    }
}

struct ScenarioSpecsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one of your saved specs (its YAML; json: with its version and times).")
    @Argument(help: "The spec's name.") var name: String
    @Option(help: "Output: table (the YAML text) or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv — expected table (the YAML text) or json") }
    }

    func run() async throws {
        let (user, name) = (actor.user, name)
        let saved = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.scenarioSpec(named: name, by: try await store.actingPrincipal(userID: user))
            }
        }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(saved).pretty + "\n")
            return
        }
        let text = saved.spec ?? ""
        StandardStreams.out(text.hasSuffix("\n") ? text : text + "\n")
    }
}

struct ScenarioSpecsSave: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save", abstract: "Save a spec under a name: create it, or replace the version --replacing names.")
    @Argument(help: "The spec's name (1 to 100 characters, no slash or control character).") var name: String
    @Option(help: "The scenario spec (YAML, docs/scenarios.md); `-` for standard input.") var spec: String
    // Not `--version`: that flag prints procura's version on every command.
    @Option(help: "The version it replaces (procura scenario-specs list shows it); leave out to create.") var replacing: Int?
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let text = try ScenarioCommand.readSpec(spec)
        let (user, name, version, file) = (actor.user, name, replacing, spec)
        let result = try await WorkflowFailure.report {
            try await db.withStore { store in
                let principal = try await store.actingPrincipal(userID: user)
                let snapshot = try await store.loadSnapshot(settings: try await store.planningSettings())
                do {
                    return try await store.saveScenarioSpec(
                        named: name, text: text, replacing: version, against: snapshot, by: principal)
                } catch let error as StorageError where error.code == .invalidScenarioSpec {
                    throw CommandFailure.usage((file == "-" ? "standard input" : file) + ": " + error.message)
                }
            }
        }
        let s = result.saved
        StandardStreams.out(
            "\(result.created ? "saved" : "replaced") '\(s.name)' (version \(s.version)): \(s.title), \(s.shocks) shock(s)\n")
    }
}

struct ScenarioSpecsDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete one of your saved specs.")
    @Argument(help: "The spec's name.") var name: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let (user, name) = (actor.user, name)
        try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.deleteScenarioSpec(named: name, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out("deleted '\(name)'\n")
    }
}
