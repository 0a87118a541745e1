/// How a fitted model extends into the future.
public enum ForecastPath: Hashable, Sendable {
    /// The same value at every horizon (SES, Croston, moving average, …).
    case constant(Double)
    /// A repeating cycle: `forecast[h] = values[h mod values.count]` (seasonal naive).
    case cycle([Double])
    /// An exponential-smoothing state, extrapolated by ``ETSState/forecast(h:)``.
    case exponentialSmoothing(ETSState)

    /// The point forecasts for horizons 1…`h`.
    public func forecast(h: Int) -> [Double] {
        guard h > 0 else { return [] }
        switch self {
        case .constant(let value):
            return Array(repeating: value, count: h)
        case .cycle(let values):
            guard !values.isEmpty else { return Array(repeating: .nan, count: h) }
            return (0..<h).map { values[$0 % values.count] }
        case .exponentialSmoothing(let state):
            return state.forecast(h: h)
        }
    }

    /// The one-step-ahead forecast.
    public var nextValue: Double {
        switch self {
        case .constant(let value): return value
        case .cycle(let values): return values.first ?? .nan
        case .exponentialSmoothing(let state): return state.forecast(h: 1)[0]
        }
    }
}
