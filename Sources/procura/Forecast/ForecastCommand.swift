import ArgumentParser
import Forecasting
import Foundation
import InventoryCore
import Planning

/// `procura forecast`: statistical forecasts of a data folder's item-locations, or of one series
/// (`--series FILE`).
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast demand with a named model or automatic selection.",
        discussion: """
            procura forecast DATA [--item ID] [--location ID] [--model auto|NAME] [--horizon H] [--format table|csv|json]
              Per item-location of the data folder: the history cleaned (stock-outs, outliers, successor \
            carry-over; every correction listed), the model selected by rolling-origin holdout (or NAME), \
            the forecast for H buckets (default forecasting.horizon_buckets, 12), the planner's adjustments \
            from overrides.csv (forecast_per_bucket, forecast_uplift) and the forecast error σ for one \
            bucket, over the lead time and over the protection interval. docs/forecasting.md has the rules.
            procura forecast --series FILE --model NAME [model flags] [--horizon H] --format json
              FILE holds one number per line (a header line is allowed). Output:
              {"model": NAME, "params": {...}, "forecast": [H values], "fitted": [...]}
            Models: \(ModelName.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @Argument(help: "A data folder (items.csv, demand.csv, …).")
    var data: String?

    @Option(help: "A file with one demand value per line (a header line is allowed).")
    var series: String?

    @Option(help: "Model name, or auto for automatic selection.")
    var model: String = "auto"

    @Option(help: "Number of buckets to forecast (default: 12, or forecasting.horizon_buckets of the data folder).")
    var horizon: Int?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Only this item (data-folder form).")
    var item: String?

    @Option(help: "Only this location (data-folder form).")
    var location: String?

    @Option(help: "Rows of the table (highest forecast value first); 0 for all. Ignored for csv and json.")
    var limit: Int = 50

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup var flags: ModelFlags

    func validate() throws {
        if let horizon, horizon < 1 { throw ValidationError("--horizon \(horizon) — expected an integer ≥ 1") }
        guard limit >= 0 else { throw ValidationError("--limit must be ≥ 0, got \(limit)") }
        if data != nil && series != nil { throw ValidationError("give either a data folder or --series FILE, not both") }
        if data == nil && series == nil {
            throw ValidationError("give a data folder (procura forecast DATA) or --series FILE (one number per line)")
        }
        if series != nil && (item != nil || location != nil) {
            throw ValidationError("--item and --location belong to the data-folder form (procura forecast DATA)")
        }
        try ModelFlags.validate(model: model, flags: flags)
    }

    func run() async throws {
        if let data {
            try await forecastDataFolder(data)
            return
        }
        guard let series else { return }
        guard let name = ModelName(rawValue: model) else {
            throw CommandFailure(
                "--model '\(model)' — expected one of \(ModelName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let y = try SeriesFile.read(series)
        let settings = try flags.settings()
        let result: ForecastReport
        do {
            result = try ForecastReport.make(y, model: name, settings: settings, horizon: horizon ?? 12)
        } catch {
            throw CommandFailure(error.message)
        }
        print(result.render(format), terminator: "")
    }

    func forecastDataFolder(_ path: String) async throws {
        let snapshot = try DataFolderLoading.load(path, quiet: quiet)
        let settings = snapshot.settings
        let report: ForecastRunReport
        do {
            let choice = try ForecastModelChoice.parse(
                model, settings: try flags.settings(), defaultWindow: settings.forecasting.movingAverageWindow,
                defaultSeasonLength: settings.forecasting.seasonLength(for: settings.bucket))
            let progress = TerminalProgress(quiet: quiet)
            report = try await ForecastRun.run(
                snapshot: snapshot,
                configuration: ForecastRun.Configuration(
                    model: choice, horizon: horizon, itemID: item, locationID: location, progress: progress))
            progress.clear()
        } catch let error as ForecastRunError {
            throw CommandFailure.usage(error.message)
        }
        let rendering = ForecastRendering(report: report, snapshot: snapshot)
        switch format {
        case .table: StandardStreams.out(item != nil ? rendering.detail() : rendering.table(limit: limit))
        case .csv: rendering.csv(into: StandardStreams.out)
        case .json: StandardStreams.out(rendering.json.pretty + "\n")
        }
    }
}

/// The model flags of `procura forecast`.
struct ModelFlags: ParsableArguments {
    @Option(help: "SES/Holt/Holt-Winters level weight α (fitted when omitted).")
    var alpha: Double?

    @Option(help: "Holt/Holt-Winters trend weight β (fitted when omitted).")
    var beta: Double?

    @Option(help: "Holt-Winters seasonal weight γ (fitted when omitted).")
    var gamma: Double?

    @Option(help: "Damping φ (implies a damped trend; fitted when omitted).")
    var phi: Double?

    @Flag(inversion: .prefixedNo, help: "Damped trend (default: chosen by AICc).")
    var damped: Bool?

    @Option(help: "Moving-average window.")
    var window: Int?

    @Option(name: .customLong("season-length"), help: "Season length m (e.g. 52 weekly, 12 monthly).")
    var seasonLength: Int?

    @Option(help: "Holt-Winters seasonality: additive or multiplicative.")
    var seasonal: SeasonalityArgument?

    @Option(name: .customLong("alpha-d"), help: "TSB demand-size weight α_d (fitted when omitted).")
    var alphaD: Double?

    @Option(name: .customLong("alpha-p"), help: "TSB demand-probability weight α_p (fitted when omitted).")
    var alphaP: Double?

    func settings() throws -> ModelSettings {
        ModelSettings(
            alpha: alpha, beta: beta, gamma: gamma, phi: phi, damped: damped, window: window, seasonLength: seasonLength,
            seasonal: seasonal.map { $0 == .additive ? .additive : .multiplicative }, alphaDemand: alphaD,
            alphaProbability: alphaP)
    }

    /// Checks `--model` and the model flags before any data is read, so that a bad name or a
    /// parameter out of its range is a bad flag (exit 64) whatever the data folder holds. The
    /// window and season length stand in for the data set's defaults, which only a named model
    /// without those flags uses.
    static func validate(model: String, flags: ModelFlags) throws {
        let settings = try flags.settings()
        do {
            _ = try ForecastModelChoice.parse(model, settings: settings, defaultWindow: 8, defaultSeasonLength: 52)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// `--seasonal additive|multiplicative`.
enum SeasonalityArgument: String, ExpressibleByArgument, CaseIterable {
    case additive, multiplicative
}
