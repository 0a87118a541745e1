import Forecasting
import InventoryCore
import Planning

/// What the `procura accuracy` renderers need besides the report: keys from the snapshot.
struct AccuracyRendering {
    let report: AccuracyRunReport
    let snapshot: Snapshot

    func itemID(_ a: ItemLocationAccuracy) -> String { snapshot.items[Int(a.item)].id }
    func locationID(_ a: ItemLocationAccuracy) -> String { snapshot.locations[Int(a.location)].id }

    var bucketName: String { report.calendar.size.rawValue }

    /// "rolling one-step" / "fixed origin, 1–13 steps ahead".
    var modeDescription: String {
        switch report.mode {
        case .rolling: return "rolling origin, one \(bucketName) ahead"
        case .fixed: return "fixed origin, 1–\(report.holdout) \(bucketName)s ahead"
        }
    }

    /// A percentage with one decimal, `–` when undefined.
    static func percent(_ value: Double?) -> String { value.map { NumberFormat.fixed($0, 1) + "%" } ?? "–" }
    /// A number with two decimals, `–` when undefined.
    static func number(_ value: Double?) -> String { value.map { NumberFormat.fixed($0, 2) } ?? "–" }
}
