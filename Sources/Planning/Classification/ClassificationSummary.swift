public import InventoryCore

/// The ABC-XYZ matrix and pattern counts of a classification.
public struct ClassificationSummary: Hashable, Sendable {
    /// One matrix cell.
    public struct Cell: Hashable, Sendable {
        /// The cell.
        public var cell: ABCXYZCell
        /// Item-locations in it.
        public var count: Int
        /// Their annual consumption value.
        public var annualValue: Double
        /// Share of all item-locations.
        public var countShare: Double
        /// Share of the total annual value.
        public var valueShare: Double
    }

    /// The nine cells, AX … CZ.
    public var cells: [Cell]
    /// Item-locations per demand pattern.
    public var patterns: [DemandPattern: Int]
    /// Item-locations per procurement strategy.
    public var strategies: [ProcurementStrategy: Int]
    /// All item-locations.
    public var itemLocations: Int
    /// Total annual consumption value.
    public var totalAnnualValue: Double

    /// Summarises classified rows.
    public init(rows: [ItemLocationClassification]) {
        var counts = [Int](repeating: 0, count: 9)
        var values = [Double](repeating: 0, count: 9)
        var patterns: [DemandPattern: Int] = [:]
        var strategies: [ProcurementStrategy: Int] = [:]
        var total = 0.0
        for row in rows {
            let i = row.cell.index
            counts[i] += 1
            values[i] += row.annualValue
            total += row.annualValue
            patterns[row.pattern, default: 0] += 1
            strategies[row.strategy, default: 0] += 1
        }
        let n = rows.count
        self.cells = ABCXYZCell.all.map { cell in
            Cell(
                cell: cell, count: counts[cell.index], annualValue: values[cell.index],
                countShare: n > 0 ? Double(counts[cell.index]) / Double(n) : 0,
                valueShare: total > 0 ? values[cell.index] / total : 0)
        }
        self.patterns = patterns
        self.strategies = strategies
        self.itemLocations = n
        self.totalAnnualValue = total
    }
}
