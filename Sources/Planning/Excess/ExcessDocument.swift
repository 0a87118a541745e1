public import InventoryCore
public import InventoryPolicy

/// The excess and obsolescence report as `procura excess --format json` and `GET /api/v1/excess`
/// write it: totals, the same per category, location and ABC class, and every item-location
/// (snake-case keys, ids instead of indexes). Values in the data's currency.
public struct ExcessDocument: Codable, Sendable {
    /// Sums over item-locations.
    public struct Figures: Codable, Sendable {
        /// The group's name (`total` for all).
        public var name: String
        public var itemLocations: Int
        public var onHandQty: Double
        public var grossValue: Double
        /// Value per age bucket (``ExcessDocument/ageBuckets``).
        public var agedValueByBucket: [Double]
        public var excessQty: Double
        public var excessValue: Double
        /// Item-locations flagged obsolete, and their gross value.
        public var obsoleteItemLocations: Int
        public var obsoleteValue: Double
        public var provisionValue: Double
        public var netValue: Double
        /// Item-locations without movement for `excess.no_movement_after_months` months, and their
        /// gross value.
        public var noMovementItemLocations: Int
        public var noMovementValue: Double
        /// Stock on order counted (`excess.include_on_order`; 0 without it), the part beyond the
        /// forecast over the coverage and its value at unit cost.
        public var onOrderQty: Double
        public var onOrderExcessQty: Double
        public var onOrderExcessValue: Double

        init(name: String, buckets: Int) {
            self.name = name
            itemLocations = 0
            onHandQty = 0
            grossValue = 0
            agedValueByBucket = [Double](repeating: 0, count: buckets)
            excessQty = 0
            excessValue = 0
            obsoleteItemLocations = 0
            obsoleteValue = 0
            provisionValue = 0
            netValue = 0
            noMovementItemLocations = 0
            noMovementValue = 0
            onOrderQty = 0
            onOrderExcessQty = 0
            onOrderExcessValue = 0
        }

        mutating func add(_ line: ExcessReport.Line) {
            let r = line.result
            let noMovement = line.noMovement
            onOrderQty += line.onOrderQty
            onOrderExcessQty += line.onOrderExcessQty
            onOrderExcessValue += line.onOrderExcessValue
            if noMovement {
                noMovementItemLocations += 1
                noMovementValue += r.grossValue
            }
            itemLocations += 1
            onHandQty += r.onHandQty
            grossValue += r.grossValue
            for (k, v) in r.agedValueByBucket.enumerated() where k < agedValueByBucket.count { agedValueByBucket[k] += v }
            excessQty += r.excessQty
            excessValue += r.excessValue
            // An item-location with stock on order only holds no obsolete stock.
            if r.obsolete, r.onHandQty > 0 {
                obsoleteItemLocations += 1
                obsoleteValue += r.grossValue
            }
            provisionValue += r.provisionValue
            netValue += r.netValue
        }
    }

    /// One item-location.
    public struct Line: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var category: String
        public var `class`: String
        public var onHandQty: Double
        public var grossValue: Double
        public var agedValueByBucket: [Double]
        /// The oldest lot's age in days.
        public var oldestAgeDays: Int
        public var coverageMonths: Int
        public var forecastOverCoverage: Double
        public var excessQty: Double
        public var excessValue: Double
        public var obsolete: Bool
        public var provisionValue: Double
        public var netValue: Double
        /// The latest ledger movement (or lot receipt), `YYYY-MM-DD`.
        public var lastMovement: String
        /// No movement for `excess.no_movement_after_months` months.
        public var noMovement: Bool
        /// Stock on order counted (`excess.include_on_order`), the part of it beyond the forecast over
        /// the coverage, and that part's value at unit cost.
        public var onOrderQty: Double
        public var onOrderExcessQty: Double
        public var onOrderExcessValue: Double
    }

    /// Whether stock on order counts (`excess.include_on_order`).
    public var includeOnOrder: Bool
    /// The valuation day.
    public var asOf: String
    /// The age buckets' labels, youngest first (`0–180 days` …).
    public var ageBuckets: [String]
    /// The rates of the buckets.
    public var ageRates: [Double]
    public var excessProvisionRate: Double
    public var obsoleteProvisionRate: Double
    public var obsoleteAfterMonths: Int
    public var noMovementAfterMonths: Int
    public var total: Figures
    public var byCategory: [Figures]
    public var byLocation: [Figures]
    public var byClass: [Figures]
    /// Item-locations with excess or obsolete stock, the largest provision first.
    public var lines: [Line]

    /// The document of `report` over `snapshot`'s ids.
    public init(_ report: ExcessReport, snapshot: Snapshot) {
        let buckets = report.settings.ageBuckets
        asOf = report.asOf.description
        ageBuckets = buckets.map { b in b.maxDays.map { "\(b.minDays)–\($0) days" } ?? "\(b.minDays)+ days" }
        noMovementAfterMonths = report.settings.noMovementAfterMonths
        ageRates = buckets.map(\.rate)
        excessProvisionRate = report.settings.excessProvisionRate
        obsoleteProvisionRate = report.settings.obsoleteProvisionRate
        obsoleteAfterMonths = report.settings.obsoleteAfterMonths
        includeOnOrder = report.settings.includeOnOrder
        var total = Figures(name: "total", buckets: buckets.count)
        var categories: [String: Figures] = [:]
        var locations: [String: Figures] = [:]
        var classes: [String: Figures] = [:]
        var lines: [Line] = []
        for line in report.lines {
            let r = line.result
            let itemID = snapshot.items[Int(line.item)].id
            let locationID = snapshot.locations[Int(line.location)].id
            let category = line.category.isEmpty ? "(none)" : line.category
            total.add(line)
            categories[category, default: Figures(name: category, buckets: buckets.count)].add(line)
            locations[locationID, default: Figures(name: locationID, buckets: buckets.count)].add(line)
            classes[line.abc.rawValue, default: Figures(name: line.abc.rawValue, buckets: buckets.count)].add(line)
            guard r.excessQty > 0 || r.obsolete || r.provisionValue > 0 || line.noMovement || line.onOrderExcessQty > 0
            else { continue }
            lines.append(
                Line(
                    itemId: itemID, locationId: locationID, category: category, class: line.abc.rawValue, onHandQty: r.onHandQty,
                    grossValue: r.grossValue, agedValueByBucket: r.agedValueByBucket,
                    oldestAgeDays: r.layers.map(\.ageDays).max() ?? 0, coverageMonths: line.coverageMonths,
                    forecastOverCoverage: line.forecastOverCoverage, excessQty: r.excessQty, excessValue: r.excessValue,
                    obsolete: r.obsolete && r.onHandQty > 0, provisionValue: r.provisionValue, netValue: r.netValue,
                    lastMovement: line.lastMovement.description, noMovement: line.noMovement, onOrderQty: line.onOrderQty,
                    onOrderExcessQty: line.onOrderExcessQty, onOrderExcessValue: line.onOrderExcessValue))
        }
        self.total = total
        byCategory = categories.values.sorted { $0.name < $1.name }
        byLocation = locations.values.sorted { $0.name < $1.name }
        byClass = classes.values.sorted { $0.name < $1.name }
        self.lines = lines.sorted {
            ($1.provisionValue, $0.itemId, $0.locationId) < ($0.provisionValue, $1.itemId, $1.locationId)
        }
    }
}
