// The Chen–Zheng dynamic program for a serial line, on stockpyl's grid.
//
// Goals, in priority order: (1) the optimal echelon levels of the model; (2) the very grid, demand
// discretisation, nearest-point rule and tail limits of stockpyl 1.0.2's
// `ssm_serial.optimize_base_stock_levels` (x_num = 1000, d_num = 100, tails 1 − Φ(4)), operation for
// operation, so that normal-demand levels, which are grid points, agree with the reference to the
// last digit; (3) speed: the nearest grid point by binary search.
//
// Sources: Snyder & Shen (2019) §6.2.3 and Problem 6.13 (the limits below the grid); stockpyl 1.0.2
// (`ssm_serial.py`, `helpers.find_nearest`).

import InventoryCore

struct SerialSystemProgram {
    private let system: SerialSystem
    /// The tail probability 1 − Φ(4), as stockpyl computes it.
    private let tail = 1 - StandardNormal.cdf(4)

    init(_ system: SerialSystem) {
        self.system = system
    }

    /// Demand over `periods` periods: its quantile, its distribution function, and whether it is
    /// discrete.
    private func quantile(_ q: Double, periods: Double) -> Double {
        switch system.demandType {
        case .normal:
            return StandardNormal.quantile(q) * (system.standardDeviation * periods.squareRoot()) + system.mean * periods
        case .poisson:
            return Double(poisson(periods).quantile(q))
        }
    }

    private func cdf(_ x: Double, periods: Double) -> Double {
        switch system.demandType {
        case .normal:
            return StandardNormal.cdf((x - system.mean * periods) / (system.standardDeviation * periods.squareRoot()))
        case .poisson:
            return poisson(periods).cdf(Int(x.rounded(.down)))
        }
    }

    private func poisson(_ periods: Double) -> PoissonDistribution {
        do {
            return try PoissonDistribution(mean: system.mean * periods)
        } catch {
            // μ > 0 and the lead times ≥ 0 are validated, so μL is a valid mean.
            preconditionFailure("validated Poisson mean: \(error)")
        }
    }

    /// The optimal echelon levels (downstream first) and C_N(S*_N).
    func optimize() -> (levels: [Double], cost: Double) {
        let n = system.holdingCosts.count
        let discrete = system.demandType == .poisson
        let mu = system.mean
        let h = [0] + system.holdingCosts
        let leadTimes = [0] + system.leadTimes
        let p = system.stockoutCost
        let totalLeadTime = leadTimes.reduce(0, +)
        let sumH = h.reduce(0, +)

        // The x grid over the whole line's lead-time demand.
        let totalLow = discrete ? -1 : quantile(tail, periods: totalLeadTime)
        let totalHigh = quantile(1 - tail, periods: totalLeadTime)
        var xLow = totalLow - totalHigh
        let xDelta: Double
        let xCount: Int
        if discrete {
            xLow = xLow.rounded()
            xDelta = 1
            xCount = Int((totalHigh - xLow).rounded())
        } else {
            xCount = 1000
            xDelta = (totalHigh - xLow) / Double(xCount)
        }
        let x = (0...xCount).map { Double($0) * xDelta + xLow }
        let extension_ = Int((totalHigh / xDelta).rounded(.up))
        let xExtended = (-extension_...(xCount + extension_)).map { Double($0) * xDelta + xLow }

        var clipped = x.map { (p + sumH) * max(-$0, 0) }
        var levels: [Double] = []
        var cost = 0.0
        for j in 1...n {
            let cHat = x.indices.map { h[j] * x[$0] + clipped[$0] }
            var limit = xExtended.map { -(p + sumH) * ($0 - mu * leadTimes[1..<j].reduce(0, +)) }
            for i in 1...j {
                let offset = mu * leadTimes[i..<j].reduce(0, +)
                for e in limit.indices { limit[e] += h[i] * (xExtended[e] - offset) }
            }
            let (d, fd) = demandSteps(periods: leadTimes[j], discrete: discrete)
            var c = Array(repeating: 0.0, count: x.count)
            for (i, y) in x.enumerated() {
                var total = 0.0
                for k in d.indices {
                    let v = y - d[k]
                    total += fd[k] * (v < xLow ? limit[Self.nearest(xExtended, v)] : cHat[Self.nearest(x, v)])
                }
                c[i] = total
            }
            var best = 0
            for i in c.indices where c[i] < c[best] { best = i }
            levels.append(x[best])
            cost = c[best]
            clipped = c.indices.map { c[min($0, best)] }
        }
        return (levels, cost)
    }

    /// The lead-time demand D_j as points and their masses (stockpyl's discretisation).
    private func demandSteps(periods: Double, discrete: Bool) -> ([Double], [Double]) {
        if periods == 0 { return ([0], [1]) }
        var low: Double
        var delta: Double
        let count: Int
        if discrete {
            low = 0
            delta = 1
            count = Int(max(quantile(1 - tail, periods: periods), low).rounded())
        } else {
            low = max(quantile(tail, periods: periods), 0)
            let high = max(quantile(1 - tail, periods: periods), low)
            if high > low {
                delta = (high - low) / 100
                count = 100
            } else {
                low = (low + high) * 0.5
                delta = 1
                count = 0
            }
        }
        var points: [Double] = []
        for k in 0...count {
            let above = k != count ? cdf((Double(k) + 0.5) * delta + low, periods: periods) : 1
            let below = k != 0 ? cdf((Double(k) - 0.5) * delta + low, periods: periods) : 0
            if above > below { points.append(Double(k) * delta + low) }
        }
        let masses = points.indices.map { k in
            (k + 1 != points.count ? cdf(points[k] + delta * 0.5, periods: periods) : 1)
                - (k != 0 ? cdf(points[k] - delta * 0.5, periods: periods) : 0)
        }
        return (points, masses)
    }

    /// The index of the grid point nearest to `value` (`grid` ascending); a tie goes to the larger
    /// point, below the grid to the first and above it to the last (numpy's `searchsorted` rule of
    /// `find_nearest`).
    static func nearest(_ grid: [Double], _ value: Double) -> Int {
        var low = 0
        var high = grid.count
        while low < high {
            let middle = (low + high) / 2
            if grid[middle] < value { low = middle + 1 } else { high = middle }
        }
        if low > 0, low == grid.count || abs(value - grid[low - 1]) < abs(value - grid[low]) { return low - 1 }
        return low
    }
}
