/// Pearson correlation of per-period demand between the locations of one item, on the periods all
/// of them share (K. Pearson, "Notes on regression and inheritance in the case of two parents",
/// *Proc. R. Soc. Lond.* 58:240–242, 1895): r = Σ(xₜ − x̄)(yₜ − ȳ) / √(Σ(xₜ − x̄)² · Σ(yₜ − ȳ)²).
///
/// Every pair is measured on the same periods, so the matrix is a Gram matrix of the centred,
/// normalised series: symmetric, unit diagonal, positive semi-definite — what
/// ``InventoryPolicy/RiskPooling`` accepts. A location whose demand does not vary over the window
/// has no correlation with the others: its entries are 0 (its diagonal 1).
enum DemandCorrelation {
    /// The n × n matrix of the series (all the same length ≥ 2).
    static func matrix(_ series: [[Double]]) -> [[Double]] {
        let n = series.count
        let centred = series.map { s -> [Double] in
            let mean = s.reduce(0, +) / Double(max(s.count, 1))
            return s.map { $0 - mean }
        }
        let norms = centred.map { s in s.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var rows = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            rows[i][i] = 1
            for j in (i + 1)..<max(n, i + 1) where norms[i] > 0 && norms[j] > 0 {
                var dot = 0.0
                for t in centred[i].indices { dot += centred[i][t] * centred[j][t] }
                let r = min(1, max(-1, dot / (norms[i] * norms[j])))
                rows[i][j] = r
                rows[j][i] = r
            }
        }
        return rows
    }
}
