import Forecasting
import InventoryCore
import Planning

/// What the `procura forecast DATA` renderers need besides the report: keys from the snapshot.
struct ForecastRendering {
    let report: ForecastRunReport
    let snapshot: Snapshot

    func itemID(_ f: ItemLocationForecast) -> String { snapshot.items[Int(f.item)].id }
    func locationID(_ f: ItemLocationForecast) -> String { snapshot.locations[Int(f.location)].id }
    func category(_ f: ItemLocationForecast) -> String { snapshot.items[Int(f.item)].category }
    func unitCost(_ f: ItemLocationForecast) -> Double { snapshot.items[Int(f.item)].unitCost }

    /// The bucket name for text (`week`).
    var bucketName: String { report.calendar.size.rawValue }

    /// Forecast value over the horizon: Σ final × unit cost.
    func value(_ f: ItemLocationForecast) -> Double { f.final.reduce(0, +) * unitCost(f) }

    /// "rmse on a 26-bucket rolling-origin holdout, 1–12 steps ahead" for auto; the model otherwise.
    var selectionDescription: String {
        let c = report.selector
        switch report.model {
        case .auto:
            return "auto: \(c.metric.rawValue) on a \(c.holdout)-\(bucketName) rolling-origin holdout, 1–\(c.horizon) steps ahead"
                + (c.seasonLength > 1 ? ", season length \(c.seasonLength)" : "")
        case .named(let name, _):
            return name.rawValue
        }
    }

    /// The model's parameters as `name = value` text.
    static func parameters(_ p: ModelParameters) -> String {
        p.map { "\($0.name) = \(NumberFormat.significant($0.value))" }.joined(separator: ", ")
    }
}
