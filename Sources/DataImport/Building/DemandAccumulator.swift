import InventoryCore

/// Sums demand rows into (item-location, bucket) cells while demand.csv streams by.
///
/// Memory grows with the number of distinct item-locations and distinct (item-location,
/// bucket) cells, never with the number of rows: ten million rows over the same item-locations
/// and dates take the same space as one million.
struct DemandAccumulator {
    /// How days map to buckets (from settings.yaml).
    let calendar: BucketCalendar
    /// The item-locations seen, in order of first appearance.
    private(set) var series: [ItemLocation] = []
    private var seriesIndex = IntegerTable<Int32>(initial: -1)
    /// Quantity per cell; key = series index << 32 | bucket bit pattern.
    private(set) var cells = IntegerTable<Double>(initial: 0)
    /// First and last day with a quantity > 0, per series (`Int32.max` / `Int32.min` when none).
    private(set) var firstDemand: [Int32] = []
    private(set) var lastDemand: [Int32] = []
    /// Earliest and latest date of any demand row (zero quantities included).
    private(set) var earliest: Day?
    private(set) var latest: Day?

    private var lastItemLocation = ItemLocation(item: -1, location: -1)
    private var lastSeries: Int32 = -1
    private var lastDay = Day(daysSinceEpoch: .min)
    private var lastBucket: Int32 = 0

    init(calendar: BucketCalendar) {
        self.calendar = calendar
    }

    /// Adds one demand row.
    @inline(__always)
    mutating func add(_ itemLocation: ItemLocation, day: Day, quantity: Double) {
        let s = seriesNumber(itemLocation)
        if day != lastDay {
            lastDay = day
            lastBucket = calendar.bucket(containing: day)
            if earliest.map({ day < $0 }) ?? true { earliest = day }
            if latest.map({ day > $0 }) ?? true { latest = day }
        }
        let key = UInt64(UInt32(bitPattern: s)) << 32 | UInt64(UInt32(bitPattern: lastBucket))
        let slot = cells.slot(key).index
        cells[slot: slot] += quantity
        if quantity > 0 {
            let d = day.daysSinceEpoch
            if d < firstDemand[Int(s)] { firstDemand[Int(s)] = d }
            if d > lastDemand[Int(s)] { lastDemand[Int(s)] = d }
        }
    }

    @inline(__always)
    private mutating func seriesNumber(_ itemLocation: ItemLocation) -> Int32 {
        if itemLocation == lastItemLocation { return lastSeries }
        let s: Int32
        let (slot, inserted) = seriesIndex.slot(Self.key(itemLocation))
        if !inserted {
            s = seriesIndex[slot: slot]
        } else {
            s = Int32(series.count)
            seriesIndex[slot: slot] = s
            series.append(itemLocation)
            firstDemand.append(.max)
            lastDemand.append(.min)
        }
        lastItemLocation = itemLocation
        lastSeries = s
        return s
    }

    /// Series number of an item-location, if it has demand rows.
    func seriesNumber(of itemLocation: ItemLocation) -> Int32? { seriesIndex.value(Self.key(itemLocation)) }

    @inline(__always)
    private static func key(_ itemLocation: ItemLocation) -> UInt64 {
        UInt64(UInt32(bitPattern: itemLocation.item)) << 32 | UInt64(UInt32(bitPattern: itemLocation.location))
    }
}
