import InventoryCore

/// The `settings.yaml` of the demo data set: the documented defaults written out, with comments.
enum DemoSettingsFile {
    /// First line of the file; marks a folder written by the demo generator.
    static let marker = "# Procura demo data — planning settings (settings.yaml)"

    /// The file's text for a company.
    static func text(for company: DemoCompany) -> String {
        let settings = company.settings
        let classification = settings.classification
        let configuration = company.configuration
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
        /// `value` with exactly `decimals` decimals (`0.80`, `1.0`).
        func fixed(_ value: Double, _ decimals: Int) -> String {
            var scale: Int64 = 1
            for _ in 0..<decimals { scale *= 10 }
            let scaled = Int64((value * Double(scale)).rounded())
            let fraction = String(scaled % scale)
            return "\(scaled / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return """
            \(marker)
            # Written by `procura demo-data` (items \(configuration.itemCount), locations \(configuration.locationCount), \
            seed \(configuration.seed)).
            # Snapshot date \(configuration.asOf); daily demand history \(configuration.historyStart) … \(configuration.historyEnd).
            # Every value below is Procura's documented default, written out so that it can be changed.

            # Planning bucket for demand history and forecasts: day, week or month.
            bucket: \(settings.bucket.rawValue)
            # How many buckets of history before the snapshot date are used (156 weeks = three years).
            history_buckets: \(settings.historyBuckets)

            classification:
              # ABC and XYZ look at this many most recent complete buckets (52 weeks = one year).
              window_buckets: \(classification.windowBuckets)
              # ABC by cumulative share of annual consumption value: A up to the first cut-off, B up to the second, C beyond.
              abc_cutoffs: [\(fixed(classification.abcCutoffA, 2)), \(fixed(classification.abcCutoffB, 2))]
              # XYZ by coefficient of variation of bucketed demand: X below the first, Y below the second, Z from it on.
              xyz_cutoffs: [\(fixed(classification.xyzCutoffX, 1)), \(fixed(classification.xyzCutoffY, 1))]

            # Annual cost of holding stock, as a fraction of the unit cost.
            holding_cost_rate: \(fixed(settings.holdingCostRate, 2))
            # Cost of placing one purchase order, in the currency below.
            order_cost: \(number(settings.orderCost))
            # Review period of periodic-review items, in days.
            review_period_days: \(number(settings.reviewPeriodDays))
            # Currency of every price and cost in this data set.
            currency: \(settings.currency)

            """
    }
}
