public import InventoryCore

/// Automatic selection over many series in parallel: the rows of a row-major matrix (one series
/// per row, oldest bucket first, all the same length — the layout of ``InventoryCore/DemandHistory``)
/// are split into chunks, and a task group runs one chunk per child task (structured concurrency;
/// as many run at once as the cooperative pool has threads, one per core).
///
/// Each chunk only reads the shared matrix and writes its own output arrays, which are stitched
/// together in row order — the result does not depend on scheduling.
public struct BatchForecaster: Sendable {
    /// The selection run on every row.
    public var selector: AutoSelector
    /// Buckets to forecast.
    public var horizon: Int
    /// Rows per child task.
    public var chunkSize: Int

    /// Creates a forecaster.
    public init(selector: AutoSelector = AutoSelector(), horizon: Int, chunkSize: Int = 256) {
        self.selector = selector
        self.horizon = horizon
        self.chunkSize = max(1, chunkSize)
    }

    /// What the batch produced.
    public struct Output: Sendable {
        /// Forecasts, row-major, `rows × horizon` (NaN for rows that failed).
        public var forecasts: [Double]
        /// The chosen model of each row (`nil`: a fallback value, or a failure).
        public var chosen: [ModelName?]
        /// The fallback rule of each row, if any.
        public var fallbacks: [SelectionResult.Fallback?]
        /// The demand pattern of each row.
        public var patterns: [DemandPattern]
        /// Rows whose selection failed, with the message.
        public var failures: [(row: Int, message: String)]
    }

    /// Selects and forecasts every row of `values` (`rows × columns`, row-major).
    /// `contexts`, when given, has one entry per row.
    public func run(values: [Double], rows: Int, columns: Int, contexts: [SelectionContext]? = nil) async -> Output {
        precondition(values.count == rows * columns, "values must hold rows × columns numbers")
        let h = horizon
        let selector = selector
        let chunks = stride(from: 0, to: rows, by: chunkSize).map { $0..<min($0 + chunkSize, rows) }
        var parts = [Output?](repeating: nil, count: chunks.count)
        await withTaskGroup(of: (Int, Output).self) { group in
            for (index, range) in chunks.enumerated() {
                group.addTask {
                    var out = Output(
                        forecasts: [Double](repeating: .nan, count: range.count * h), chosen: [], fallbacks: [], patterns: [],
                        failures: [])
                    out.chosen.reserveCapacity(range.count)
                    for (offset, row) in range.enumerated() {
                        let y = Array(values[(row * columns)..<((row + 1) * columns)])
                        do {
                            let result = try selector.select(y, context: contexts?[row] ?? SelectionContext())
                            let f = result.forecast(h: h)
                            for k in 0..<h { out.forecasts[offset * h + k] = f[k] }
                            out.chosen.append(result.chosen)
                            out.fallbacks.append(result.fallback)
                            out.patterns.append(result.pattern)
                        } catch {
                            out.chosen.append(nil)
                            out.fallbacks.append(nil)
                            out.patterns.append(DemandPatternClassifier().classify(demand: y).pattern)
                            out.failures.append((row, (error as? ForecastError)?.message ?? "\(error)"))
                        }
                    }
                    return (index, out)
                }
            }
            for await (index, part) in group { parts[index] = part }
        }
        var output = Output(forecasts: [], chosen: [], fallbacks: [], patterns: [], failures: [])
        output.forecasts.reserveCapacity(rows * h)
        for part in parts.compactMap({ $0 }) {
            output.forecasts += part.forecasts
            output.chosen += part.chosen
            output.fallbacks += part.fallbacks
            output.patterns += part.patterns
            output.failures += part.failures
        }
        return output
    }
}
