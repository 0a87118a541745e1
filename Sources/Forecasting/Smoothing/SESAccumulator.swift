/// SES fed one value at a time, giving after each value the same forecast as
/// ``SESKernel/forecast(alpha:_:)`` on all values so far (the first value itself after one value,
/// then `α x_{k−1} + (1 − α) G(k−1)` with `G` the in-sample recursion) — for rolling-origin
/// evaluations in one pass.
struct SESAccumulator {
    let alpha: Double
    let complement: Double
    private(set) var count = 0
    private var last = 0.0
    private var g = 0.0

    init(alpha: Double) {
        self.alpha = alpha
        self.complement = 1.0 - alpha
    }

    mutating func add(_ x: Double) {
        if count == 0 {
            g = x
        } else {
            g = alpha * last + complement * g
        }
        last = x
        count += 1
    }

    /// The forecast after the values added so far (NaN before any).
    var forecast: Double {
        switch count {
        case 0: .nan
        case 1: last
        default: alpha * last + complement * g
        }
    }
}
