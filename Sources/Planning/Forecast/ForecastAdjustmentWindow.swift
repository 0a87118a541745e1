public import Forecasting
public import InventoryCore
import InventoryPolicy

/// A planner's forecast adjustment from `overrides.csv` and the forecast buckets it covers.
///
/// Two parameters adjust the forecast: `forecast_per_bucket` (an override: the value replaces the
/// statistical forecast, base units per bucket, ≥ 0) and `forecast_uplift` (a factor on the
/// statistical forecast, 0 < v ≤ 10: 1.2 = 20 % more). A bucket is covered when at least half of
/// its days lie inside `valid_from … valid_to` (open ends allowed). Within a bucket the uplifts
/// apply first, in order of `valid_from`, then the override with the latest `valid_from` replaces
/// the result (``Forecasting/AdjustedForecast``) — the same precedence the policy engine uses.
public struct ForecastAdjustmentWindow: Hashable, Sendable {
    /// Whether the adjustment changed the forecast.
    public enum Status: String, Hashable, Sendable {
        /// It covers at least one bucket of the horizon.
        case applied
        /// Its window lies outside the horizon (before it or after it).
        case outsideHorizon = "outside_horizon"
        /// The value is outside the parameter's domain (a negative quantity, an uplift ≤ 0 or > 10).
        case invalidValue = "invalid_value"
        /// Adjustments are switched off (`forecasting.apply_adjustments: false`).
        case disabled
    }

    /// The row of `overrides.csv`.
    public var override: Override
    /// The horizon buckets it covers (offsets, 0 = the first forecast bucket); empty unless applied.
    public var buckets: Range<Int>
    /// What became of it.
    public var status: Status

    /// The parameters that adjust the forecast.
    public static let parameters: Set<String> = [
        PolicyParameter.forecastPerBucket.rawValue, PolicyParameter.forecastUplift.rawValue,
    ]

    /// The windows and the adjustments of an item-location's overrides over `horizon` buckets from
    /// the absolute bucket `firstBucket`.
    static func windows(
        _ overrides: [Override], calendar: BucketCalendar, firstBucket: Int32, horizon: Int, apply: Bool
    ) -> (windows: [ForecastAdjustmentWindow], adjustments: [ForecastAdjustment]) {
        let relevant = overrides.enumerated()
            .filter { parameters.contains($0.element.parameter) }
            .sorted {
                let a = $0.element.validFrom?.daysSinceEpoch ?? Int32.min
                let b = $1.element.validFrom?.daysSinceEpoch ?? Int32.min
                return a != b ? a < b : $0.offset < $1.offset
            }
            .map(\.element)
        var windows: [ForecastAdjustmentWindow] = []
        var adjustments: [ForecastAdjustment] = []
        for override in relevant {
            let uplift = override.parameter == PolicyParameter.forecastUplift.rawValue
            let parameter: PolicyParameter = uplift ? .forecastUplift : .forecastPerBucket
            guard parameter.accepts(override.value) else {
                windows.append(ForecastAdjustmentWindow(override: override, buckets: 0..<0, status: .invalidValue))
                continue
            }
            guard apply else {
                windows.append(ForecastAdjustmentWindow(override: override, buckets: 0..<0, status: .disabled))
                continue
            }
            var covered: [Int] = []
            for k in 0..<max(0, horizon) where covers(override, bucket: firstBucket + Int32(k), calendar: calendar) {
                covered.append(k)
            }
            guard let first = covered.first, let last = covered.last else {
                windows.append(ForecastAdjustmentWindow(override: override, buckets: 0..<0, status: .outsideHorizon))
                continue
            }
            let window = ForecastAdjustmentWindow(override: override, buckets: first..<(last + 1), status: .applied)
            windows.append(window)
            if let adjustment = window.adjustment { adjustments.append(adjustment) }
        }
        return (windows, adjustments)
    }

    /// Whether at least half the days of `bucket` lie in the override's validity window.
    static func covers(_ override: Override, bucket: Int32, calendar: BucketCalendar) -> Bool {
        let start = calendar.firstDay(ofBucket: bucket)
        let length = calendar.length(ofBucket: bucket)
        let end = start.adding(days: length - 1)
        let from = max(start, override.validFrom ?? start)
        let to = min(end, override.validTo ?? end)
        guard from <= to else { return false }
        return 2 * (from.distance(to: to) + 1) >= length
    }
}

extension ForecastAdjustmentWindow {
    /// The adjustment this window applies (`nil` unless applied).
    public var adjustment: ForecastAdjustment? {
        guard status == .applied else { return nil }
        let kind: ForecastAdjustment.Kind =
            override.parameter == PolicyParameter.forecastUplift.rawValue
            ? .multiply(factor: override.value) : .override(quantity: override.value)
        return ForecastAdjustment(kind: kind, buckets: buckets, reason: override.reason, author: override.author)
    }
}
