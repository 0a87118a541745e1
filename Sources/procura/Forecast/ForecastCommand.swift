import ArgumentParser
import Forecasting
import Foundation

/// `procura forecast`: statistical forecasts of one series (`--series FILE`) or, later, of a data folder.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast demand with a named model or automatic selection.",
        discussion: """
            procura forecast --series FILE --model NAME [model flags] [--horizon H] --format json
              FILE holds one number per line (a header line is allowed). Output:
              {"model": NAME, "params": {...}, "forecast": [H values], "fitted": [...]}
            Models: \(ModelName.allCases.map(\.rawValue).joined(separator: ", ")).
            The data-folder form (procura forecast DATA …) is not available yet.
            """
    )

    @Argument(help: "A data folder (not yet available: use --series).")
    var data: String?

    @Option(help: "A file with one demand value per line (a header line is allowed).")
    var series: String?

    @Option(help: "Model name, or auto for automatic selection.")
    var model: String = "auto"

    @Option(help: "Number of buckets to forecast.")
    var horizon: Int = 12

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Item id (data-folder form only).")
    var item: String?

    @Option(help: "Location id (data-folder form only).")
    var location: String?

    @OptionGroup var flags: ModelFlags

    mutating func run() throws {
        if let data {
            throw CommandFailure(
                "procura forecast \(data): forecasting a data folder is not yet available (it needs the data importer) — use --series FILE for one series")
        }
        if item != nil || location != nil {
            throw CommandFailure("--item and --location belong to the data-folder form, which is not yet available — use --series FILE")
        }
        guard let series else {
            throw CommandFailure("give --series FILE (one number per line); the data-folder form is not yet available")
        }
        guard horizon >= 1 else { throw CommandFailure("--horizon \(horizon) — expected an integer ≥ 1") }
        guard let name = ModelName(rawValue: model) else {
            throw CommandFailure(
                "--model '\(model)' — expected one of \(ModelName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let y = try SeriesFile.read(series)
        let settings = try flags.settings()
        let result: ForecastReport
        do {
            result = try ForecastReport.make(y, model: name, settings: settings, horizon: horizon)
        } catch {
            throw CommandFailure(error.message)
        }
        print(result.render(format), terminator: "")
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
            seasonal: seasonal.map { $0 == .additive ? .additive : .multiplicative }, alphaDemand: alphaD, alphaProbability: alphaP)
    }
}

/// `--seasonal additive|multiplicative`.
enum SeasonalityArgument: String, ExpressibleByArgument, CaseIterable {
    case additive, multiplicative
}
