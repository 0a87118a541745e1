/// A validated correlation matrix: n × n, entries in [−1, 1], unit diagonal, symmetric, and
/// positive semi-definite (an LDLᵀ factorisation whose pivots are ≥ −1e−9, with zero pivots only
/// where the rest of their column is zero).
struct CorrelationMatrix: Sendable {
    private let rows: [[Double]]

    /// Checks `rows` against `count` locations; errors name `correlation[i][j]`.
    init(_ rows: [[Double]], count n: Int) throws(PolicyError) {
        guard rows.count == n else { throw RiskPooling.lengthMismatch("correlation", rows.count, n) }
        for (i, row) in rows.enumerated() {
            guard row.count == n else { throw RiskPooling.lengthMismatch("correlation[\(i)]", row.count, n) }
            for (j, value) in row.enumerated() {
                guard value.isFinite, value >= -1, value <= 1 else {
                    throw Check.invalid("correlation[\(i)][\(j)]", value, "between −1 and 1")
                }
            }
            guard row[i] == 1 else { throw Check.invalid("correlation[\(i)][\(i)]", row[i], "1 (a diagonal entry)") }
        }
        for i in 0..<n {
            for j in 0..<i where abs(rows[i][j] - rows[j][i]) > 1e-12 {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "correlation is not symmetric: correlation[\(i)][\(j)] = \(rows[i][j]) but correlation[\(j)][\(i)] = \(rows[j][i])"
                )
            }
        }
        try Self.requirePositiveSemidefinite(rows)
        self.rows = rows
    }

    func value(_ i: Int, _ j: Int) -> Double { rows[i][j] }

    private static func requirePositiveSemidefinite(_ a: [[Double]]) throws(PolicyError) {
        let n = a.count
        let tolerance = 1e-9
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var d = Array(repeating: 0.0, count: n)
        for j in 0..<n {
            var pivot = a[j][j]
            for k in 0..<j { pivot -= l[j][k] * l[j][k] * d[k] }
            if pivot < -tolerance { throw notSemidefinite(j) }
            let zero = pivot <= tolerance
            d[j] = zero ? 0 : pivot
            for i in (j + 1)..<max(n, j + 1) {
                var v = a[i][j]
                for k in 0..<j { v -= l[i][k] * l[j][k] * d[k] }
                if zero {
                    if abs(v) > 1e-6 { throw notSemidefinite(j) }
                } else {
                    l[i][j] = v / pivot
                }
            }
        }
    }

    private static func notSemidefinite(_ row: Int) -> PolicyError {
        PolicyError(
            code: .invalidInput,
            message:
                "correlation is not positive semi-definite (no set of demands can have these correlations; the check fails at row \(row)) — correct the entries"
        )
    }
}
