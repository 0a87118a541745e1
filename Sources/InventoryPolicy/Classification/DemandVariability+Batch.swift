public import InventoryCore

extension DemandVariability {
    /// The statistics of every row of a row-major matrix, over the columns in `window`,
    /// computed in parallel chunks of rows.
    ///
    /// - Parameters:
    ///   - quantities: `rows × columns` values, row after row.
    ///   - window: the columns to look at (e.g. the last 52 complete weeks).
    public static func batch(quantities: [Double], rows: Int, columns: Int, window: Range<Int>) async
        -> ChunkResults<DemandVariability>
    {
        await batch(quantities: quantities, rows: rows, columns: columns) { _ in window }
    }

    /// The statistics of every row over its own window of columns (`window(row)`), e.g. the
    /// buckets since a new item's first demand.
    public static func batch(
        quantities: [Double], rows: Int, columns: Int, window: @escaping @Sendable (Int) -> Range<Int>
    ) async -> ChunkResults<DemandVariability> {
        precondition(quantities.count == rows * columns)
        // The results stay where the chunks wrote them: no copy of rows × 64 bytes.
        return await ConcurrentChunks.results(count: rows) { range, output in
            quantities.withUnsafeBufferPointer { all in
                for row in range {
                    let columnsOfRow = window(row).clamped(to: 0..<columns)
                    let start = row * columns + columnsOfRow.lowerBound
                    output.initialize(
                        row,
                        to: DemandVariability(buckets: UnsafeBufferPointer(rebasing: all[start..<(start + columnsOfRow.count)])))
                }
            }
        }
    }
}
