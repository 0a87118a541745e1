import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Storage
import Workflow

/// `procura approval-rules show|set`: the approval rules in force — value thresholds and the
/// escalations by class, criticality, non-routine buys and budgets.
struct ApprovalRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approval-rules",
        abstract: "Show or set the approval rules (thresholds and escalations) of the database.",
        discussion: """
            The rules come from settings.yaml (approval_thresholds, approval_rules) at import, or from an admin \
            (this command, the API or the approval-rules page), whichever stated them last: an import whose \
            settings.yaml has different approval settings than the import before replaces an admin's rules. \
            docs/procurement.md ("Approval rules") has every key. Example:
              procura approval-rules set --file rules.yaml --as admin
            """,
        subcommands: [ApprovalRulesShow.self, ApprovalRulesSet.self])
}

struct ApprovalRulesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the approval rules in force (settings text, or JSON).")
    @Option(help: "Output: yaml (settings text to edit and set again) or json.") var format: ApprovalRulesFormat = .yaml
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let policy = try await db.withStore { try await $0.approvalPolicy() }
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(policy).pretty + "\n")
        case .yaml:
            let from =
                policy.source == .admin ? "set by \(policy.setBy) at \(policy.setAt)" : "from settings.yaml of the last import"
            StandardStreams.out("# approval rules in force, \(from)\n" + policy.settingsText)
        }
    }
}

struct ApprovalRulesSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set the approval rules from settings text (an admin; all or nothing).")
    @Option(help: "A file with approval_thresholds and approval_rules (YAML or JSON); `-` for standard input.")
    var file: String
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure.usage("\(file): cannot read the file — check the path")
            }
            guard let decoded = String(validating: data, as: UTF8.self) else {
                throw CommandFailure.invalidData("\(file): not valid UTF-8 — save the file as UTF-8")
            }
            text = decoded
        }
        // Bad text is bad data (exit 65), named before the database is opened; the store checks it again.
        do {
            _ = try SettingsText.parseApprovalPolicy(text)
        } catch {
            let problems = error.errors.map(\.message).joined(separator: "; ")
            throw CommandFailure.invalidData(
                "\(file == "-" ? "standard input" : file): approval rules: \(problems)\nnothing was changed")
        }
        let user = actor.user
        let policy = try await WorkflowFailure.report {
            try await db.withStore { store in
                try await store.setApprovalPolicy(text: text, by: try await store.actingPrincipal(userID: user))
            }
        }
        StandardStreams.out("approval rules set by \(policy.setBy): \(policy.rules.summary)\n")
    }
}

/// `--format yaml|json` of `procura approval-rules show`.
enum ApprovalRulesFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json
}
