import ArgumentParser
import Storage
import Workflow

/// `procura approve PO-ID… --as USER`: batch approval.
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve proposed purchase orders (all or nothing), as a user of the database.",
        discussion: """
            Each order needs one approval per level of its chain (approval_thresholds in settings.yaml: \
            within the first level's limit one approval at that level; above it one at each higher level \
            up to the first that covers the value). A role approves at its own level or below; nobody \
            approves an order they created or changed, nor gives two approvals of one order. When one \
            order is refused nothing is approved. Example:
              procura approve PO-000001 PO-000002 --as ada
            """)
    @Argument(help: "Purchase-order ids (PO-000001 …).") var ids: [String]
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await actor.decide(ids, .approve, db: db)
    }
}
