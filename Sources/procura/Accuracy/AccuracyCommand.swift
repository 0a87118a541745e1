import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Planning

/// `procura accuracy DATA [--holdout N] [--by category|class|location] [--model auto|NAME] [--mode rolling|fixed]`.
struct AccuracyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Backtest the forecasts on the last N buckets: MAPE, WAPE, MASE, bias, tracking signal, per segment.",
        discussion: """
            Holds out the last N complete buckets of DATA (default forecasting.accuracy_holdout_buckets, 13), \\
            forecasts them from the history before (cleaned, model selected and fitted on that part only) and \\
            compares with the recorded demand. --mode rolling (default): one step ahead from every origin, the \\
            model's parameters fixed at T−N and its state updated with each recorded bucket; --mode fixed: \\
            1…N steps ahead from T−N. Metrics per item-location (MAE, RMSE, MAPE over non-zero actuals only, \\
            sMAPE, WAPE, MASE, bias, tracking signal), aggregated value-weighted (unit cost) per segment, the \\
            items driving the error (unit cost × Σ|error|) and the forecast value added of planner \\
            adjustments. docs/forecasting.md has the definitions.
            """
    )

    @Argument(help: "The data folder (items.csv, demand.csv, …).")
    var data: String

    @Option(help: "Buckets held out at the end of the history (default: forecasting.accuracy_holdout_buckets, 13).")
    var holdout: Int?

    @Option(help: "Segments: category, class (ABC-XYZ) or location (default: all together).")
    var by: SegmentationArgument?

    @Option(help: "Model name, or auto for automatic selection.")
    var model: String = "auto"

    @Option(help: "rolling (one step ahead from every origin, default) or fixed (1…N steps from one origin).")
    var mode: ModeArgument = .rolling

    @Option(help: "With --model auto: full selection (as procura forecast, default) or fast (as the plan run).")
    var selection: SelectionArgument = .full

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Only this item.")
    var item: String?

    @Option(help: "Only this location.")
    var location: String?

    @Option(help: "Items driving the error listed per segment and overall.")
    var top: Int = 10

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup var flags: ModelFlags

    func validate() throws {
        if let holdout, holdout < 1 { throw ValidationError("--holdout \(holdout) — expected a number of buckets ≥ 1") }
        guard top >= 0 else { throw ValidationError("--top must be ≥ 0, got \(top)") }
        try ModelFlags.validate(model: model, flags: flags)
    }

    func run() async throws {
        let snapshot = try DataFolderLoading.load(data, quiet: quiet)
        let settings = snapshot.settings
        let report: AccuracyRunReport
        do {
            let choice = try ForecastModelChoice.parse(
                model, settings: try flags.settings(), defaultWindow: settings.forecasting.movingAverageWindow,
                defaultSeasonLength: settings.forecasting.seasonLength(for: settings.bucket))
            let progress = TerminalProgress(quiet: quiet)
            report = try await AccuracyRun.run(
                snapshot: snapshot,
                configuration: AccuracyRun.Configuration(
                    holdout: holdout, mode: mode.mode, model: choice, segmentation: by?.segmentation, itemID: item,
                    locationID: location, topDrivers: top,
                    selection: selection == .fast ? .fast : .full, progress: progress))
            progress.clear()
        } catch let error as ForecastRunError {
            throw CommandFailure.usage(error.message)
        }
        let rendering = AccuracyRendering(report: report, snapshot: snapshot)
        switch format {
        case .table: StandardStreams.out(rendering.table)
        case .csv: StandardStreams.out(rendering.csv)
        case .json: StandardStreams.out(rendering.json.pretty + "\n")
        }
    }
}

/// `--by category|class|location`.
enum SegmentationArgument: String, ExpressibleByArgument, CaseIterable {
    case category, `class`, location

    var segmentation: AccuracyRun.Segmentation {
        switch self {
        case .category: .category
        case .class: .class
        case .location: .location
        }
    }
}

/// `--mode rolling|fixed`.
enum ModeArgument: String, ExpressibleByArgument, CaseIterable {
    case rolling, fixed

    var mode: AccuracyRun.Mode { self == .rolling ? .rolling : .fixed }
}

/// `--selection full|fast`.
enum SelectionArgument: String, ExpressibleByArgument, CaseIterable {
    case full, fast
}
