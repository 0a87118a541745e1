/// Smallest integer k ≥ `lowest` with `cdf(k) ≥ p`, for a non-decreasing `cdf`, starting near `guess`.
///
/// Exponential search away from the guess until the answer is bracketed, then bisection on the
/// integers: O(log |answer − guess|) evaluations, so a rough guess (Cornish–Fisher) is enough.
func discreteQuantileSearch(_ p: Double, guess: Int, lowest: Int = 0, cdf: (Int) -> Double) -> Int {
    var guess = max(lowest, guess)
    var step = 1
    var low: Int  // cdf(low) < p, or low == lowest − 1
    var high: Int  // cdf(high) ≥ p
    if cdf(guess) >= p {
        high = guess
        low = guess
        repeat {
            low = max(lowest - 1, high - step)
            if low < lowest { break }
            if cdf(low) >= p { high = low } else { break }
            step = step < Int.max / 4 ? step * 2 : step
        } while true
    } else {
        low = guess
        repeat {
            let (next, overflow) = guess.addingReportingOverflow(step)
            if overflow { return Int.max }
            guess = next
            if cdf(guess) >= p { high = guess; break }
            low = guess
            step = step < Int.max / 4 ? step * 2 : step
        } while true
    }
    while high - low > 1 {
        let middle = low + (high - low) / 2
        if cdf(middle) >= p { high = middle } else { low = middle }
    }
    return high
}
