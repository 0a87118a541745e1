/// Ordinary least squares for the small, full-rank regressions of the ETS initialisation
/// (2 or 4 columns), by Householder QR — numerically the same solution as LAPACK's `lstsq`
/// that statsforecast calls, to rounding (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.3).
enum LeastSquares {
    /// β minimising ‖Xβ − y‖², X given column by column (each column `y.count` long).
    /// Returns NaN coefficients when X is rank-deficient.
    static func solve(columns: [[Double]], _ y: [Double]) -> [Double] {
        let p = columns.count
        let n = y.count
        var a = columns  // overwritten by R and the Householder vectors
        var b = y
        for k in 0..<p {
            var norm = 0.0
            for i in k..<n { norm += a[k][i] * a[k][i] }
            norm = norm.squareRoot()
            guard norm > 0 else { return Array(repeating: .nan, count: p) }
            let alpha = a[k][k] > 0 ? -norm : norm
            // v = x − alpha e1, stored in a[k][k...]
            a[k][k] -= alpha
            var vv = 0.0
            for i in k..<n { vv += a[k][i] * a[k][i] }
            if vv > 0 {
                for j in (k + 1)..<max(p, k + 1) {
                    var dot = 0.0
                    for i in k..<n { dot += a[k][i] * a[j][i] }
                    let factor = 2 * dot / vv
                    for i in k..<n { a[j][i] -= factor * a[k][i] }
                }
                var dot = 0.0
                for i in k..<n { dot += a[k][i] * b[i] }
                let factor = 2 * dot / vv
                for i in k..<n { b[i] -= factor * a[k][i] }
            }
            a[k][k] = alpha  // diagonal of R (the rest of column k below is the vector, unused now)
        }
        var beta = [Double](repeating: 0, count: p)
        for k in stride(from: p - 1, through: 0, by: -1) {
            var s = b[k]
            for j in (k + 1)..<max(p, k + 1) { s -= a[j][k] * beta[j] }
            beta[k] = s / a[k][k]
        }
        return beta
    }
}
