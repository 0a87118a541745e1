import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Planning

/// `procura classify DATA [--previous FILE] [--format table|csv|json]`.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify every item-location: ABC-XYZ, demand pattern, service level, strategy; suppliers by Kraljic.",
        discussion: """
            Reads the data folder DATA, classifies on the last `classification.window_buckets` complete buckets \
            (default 52 weeks) and prints the ABC-XYZ matrix and one line per item-location. With --previous, \
            classes move only when they clear a cut-off by the hysteresis margin, and every move is listed. \
            Exit status 65 with every error on stderr when DATA is not valid.
            """
    )

    @Argument(help: "The data folder (items.csv, demand.csv, …).")
    var data: String

    @Option(help: "An earlier `classify --format csv` or `--format json` output to compare with (hysteresis).")
    var previous: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Rows of the table (highest annual value first); 0 for all. Ignored for csv and json.")
    var limit: Int = 50

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be ≥ 0, got \(limit)") }
    }

    func run() async throws {
        var previousClassification: PreviousClassification?
        if let previous {
            do {
                previousClassification = try PreviousClassificationReader.read(URL(fileURLWithPath: previous))
            } catch {
                throw CommandFailure.invalidData(error.description)
            }
        }
        let snapshot = try DataFolderLoading.load(data, quiet: quiet)
        if !quiet && StandardStreams.errorIsTerminal {
            StandardStreams.error("classifying \(NumberFormat.grouped(Double(snapshot.demand.series.count))) item-locations…\r")
        }
        let report = await ClassificationRun.run(snapshot: snapshot, previous: previousClassification)
        if !quiet && StandardStreams.errorIsTerminal { StandardStreams.error("\u{1B}[K") }
        let rendering = ClassificationRendering(report: report, snapshot: snapshot)
        switch format {
        case .table: StandardStreams.out(rendering.table(limit: limit))
        case .csv: StandardStreams.out(rendering.csv)
        case .json: StandardStreams.out(rendering.json.pretty + "\n")
        }
    }
}
