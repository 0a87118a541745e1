import ArgumentParser
import InventoryCore
import Workflow

/// `procura process-map [NAME] [--format table|mermaid|dot|svg|json]`: the workflows' state
/// machines drawn from the code (``Workflow/ProcessMap``).
struct ProcessMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process-map",
        abstract:
            "Process maps: the workflows' state machines (purchase order, disposition, emergency buy, provision run, change set, post-mortem, action) drawn from the code.",
        discussion: """
            Reads the states and transitions from the rules that decide them, so a drawing never drifts from \
            what the product allows. Without NAME every map (table, mermaid, dot, json); --format svg draws one \
            named map. docs/process-maps.md embeds the Mermaid form.
            """)

    /// The forms a map is written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, mermaid, dot, svg, json
    }

    @Argument(
        help:
            "The map: purchase-order, disposition, emergency-buy, provision-run, change-set, postmortem or action (default: all)."
    )
    var name: String?
    @Option(help: "Output: table, mermaid, dot, svg or json.") var format: Format = .table

    func run() throws {
        let maps: [ProcessMap]
        if let name {
            guard let map = ProcessMap.named(name) else {
                throw CommandFailure.usage(
                    "no process map '\(name)' — expected one of \(ProcessMap.names.joined(separator: ", "))")
            }
            maps = [map]
        } else {
            maps = ProcessMap.all
        }
        switch format {
        case .table: StandardStreams.out(maps.map(\.table).joined(separator: "\n"))
        case .mermaid: StandardStreams.out(maps.map(\.mermaid).joined(separator: "\n"))
        case .dot: StandardStreams.out(maps.map(\.dot).joined(separator: "\n"))
        case .json: StandardStreams.out(try JSONValueEncoder().encode(ProcessMapList(maps)).pretty + "\n")
        case .svg:
            guard maps.count == 1 else {
                throw CommandFailure.usage(
                    "--format svg draws one map — name it: \(ProcessMap.names.joined(separator: ", "))")
            }
            StandardStreams.out(maps[0].svg + "\n")
        }
    }
}
