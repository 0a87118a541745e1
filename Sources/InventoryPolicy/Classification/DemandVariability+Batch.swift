import InventoryCore

extension DemandVariability {
    /// The statistics of every row of a row-major matrix, over the columns in `window`,
    /// computed in parallel chunks of rows.
    ///
    /// - Parameters:
    ///   - quantities: `rows × columns` values, row after row.
    ///   - window: the columns to look at (e.g. the last 52 complete weeks).
    public static func batch(quantities: [Double], rows: Int, columns: Int, window: Range<Int>) async -> [DemandVariability] {
        await batch(quantities: quantities, rows: rows, columns: columns) { _ in window }
    }

    /// The statistics of every row over its own window of columns (`window(row)`), e.g. the
    /// buckets since a new item's first demand.
    public static func batch(
        quantities: [Double], rows: Int, columns: Int, window: @escaping @Sendable (Int) -> Range<Int>
    ) async -> [DemandVariability] {
        precondition(quantities.count == rows * columns)
        return await ConcurrentChunks.map(count: rows) { row in
            let columnsOfRow = window(row).clamped(to: 0..<columns)
            return quantities.withUnsafeBufferPointer { all in
                let start = row * columns + columnsOfRow.lowerBound
                return DemandVariability(buckets: UnsafeBufferPointer(rebasing: all[start..<(start + columnsOfRow.count)]))
            }
        }
    }

    /// Creates statistics from their parts.
    public init(
        periods: Int, total: Double, mean: Double, standardDeviation: Double, cv: Double, nonZeroPeriods: Int, adi: Double,
        cv2: Double
    ) {
        self.periods = periods
        self.total = total
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.cv = cv
        self.nonZeroPeriods = nonZeroPeriods
        self.adi = adi
        self.cv2 = cv2
    }
}
