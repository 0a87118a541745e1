public import InventoryCore

/// Builds small snapshots for tests: items and locations by key, weekly demand per item-location.
public struct SnapshotBuilder {
    /// The snapshot date (a Monday, so the last week is complete).
    public var asOf: Day
    /// Settings.
    public var settings: PlanningSettings
    /// Items.
    public var items: [Item] = []
    /// Locations.
    public var locations: [Location] = []
    /// Suppliers.
    public var suppliers: [Supplier] = []
    /// Sourcing.
    public var sourcing: [SourcingRule] = []
    /// Weekly demand per (item key, location key), oldest first, ending the week before `asOf`.
    public var weekly: [(item: String, location: String, quantities: [Double])] = []
    /// Stock on hand.
    public var inventory: [InventoryLot] = []
    /// Planner overrides.
    public var overrides: [Override] = []

    /// Starts a builder; `asOf` defaults to Monday 2026-11-30.
    public init(asOf: Day = Day(year: 2026, month: 11, day: 30)!, settings: PlanningSettings = .init()) {
        self.asOf = asOf
        self.settings = settings
    }

    /// Adds an item.
    public mutating func item(
        _ id: String, cost: Double, criticality: Criticality = .essential, lifecycle: Lifecycle = .active, category: String = "",
        shelfLifeDays: Int? = nil
    ) {
        items.append(
            Item(
                id: id, category: category, unitCost: cost, criticality: criticality, lifecycle: lifecycle,
                shelfLifeDays: shelfLifeDays))
    }

    /// Adds a location.
    public mutating func location(_ id: String) {
        locations.append(Location(id: id))
    }

    /// Adds a supplier.
    public mutating func supplier(_ id: String) {
        suppliers.append(Supplier(id: id))
    }

    /// Adds a sourcing rule between existing keys.
    public mutating func source(
        _ item: String, at location: String, from supplier: String, leadTime: Double, leadTimeSD: Double = 0,
        share: Double = 1, price: Double? = nil, ownership: Ownership = .owned, purchaseUOM: String? = nil,
        unitsPerPurchaseUOM: Double = 1, moq: Double = 0, orderMultiple: Double = 0, priceBreaks: [PriceBreak] = []
    ) {
        let i = Int32(items.firstIndex { $0.id == item }!)
        sourcing.append(
            SourcingRule(
                item: i, location: Int32(locations.firstIndex { $0.id == location }!),
                supplier: Int32(suppliers.firstIndex { $0.id == supplier }!), purchaseUOM: purchaseUOM ?? items[Int(i)].baseUOM,
                unitsPerPurchaseUOM: unitsPerPurchaseUOM, leadTimeDays: leadTime, leadTimeSDDays: leadTimeSD, moq: moq,
                orderMultiple: orderMultiple, unitPrice: price ?? items[Int(i)].unitCost * unitsPerPurchaseUOM,
                priceBreaks: priceBreaks, share: share, ownership: ownership))
    }

    /// Adds stock on hand of an item-location.
    public mutating func stock(_ item: String, at location: String, _ onHand: Double, ownership: Ownership = .owned) {
        inventory.append(
            InventoryLot(
                item: Int32(items.firstIndex { $0.id == item }!), location: Int32(locations.firstIndex { $0.id == location }!),
                onHand: onHand, ownership: ownership))
    }

    /// Adds a planner override of an item-location.
    public mutating func override(
        _ item: String, at location: String, _ parameter: String, _ value: Double, reason: String = "test",
        author: String = "", validFrom: Day? = nil, validTo: Day? = nil
    ) {
        overrides.append(
            Override(
                item: Int32(items.firstIndex { $0.id == item }!), location: Int32(locations.firstIndex { $0.id == location }!),
                parameter: parameter, value: value, reason: reason, author: author, validFrom: validFrom, validTo: validTo))
    }

    /// Adds weekly demand of an item-location (oldest first).
    public mutating func demand(_ item: String, at location: String, _ quantities: [Double]) {
        weekly.append((item, location, quantities))
    }

    /// The snapshot: every item-location's weeks right-aligned to end the week before `asOf`.
    public func build() -> Snapshot {
        let calendar = BucketCalendar(size: .week)
        let lastBucket = calendar.bucket(containing: asOf.adding(days: -1))
        let width = weekly.map(\.quantities.count).max() ?? 0
        let firstBucket = lastBucket - Int32(width) + 1
        var series: [ItemLocation] = []
        var quantities: [Double] = []
        var firstDays: [Day?] = []
        var lastDays: [Day?] = []
        for entry in weekly {
            let key = ItemLocation(
                item: Int32(items.firstIndex { $0.id == entry.item }!),
                location: Int32(locations.firstIndex { $0.id == entry.location }!))
            series.append(key)
            let padded = [Double](repeating: 0, count: width - entry.quantities.count) + entry.quantities
            quantities += padded
            let first = padded.firstIndex { $0 > 0 }
            let last = padded.lastIndex { $0 > 0 }
            firstDays.append(first.map { calendar.firstDay(ofBucket: firstBucket + Int32($0)) })
            lastDays.append(last.map { calendar.firstDay(ofBucket: firstBucket + Int32($0)) })
        }
        let history = DemandHistory(
            calendar: calendar, firstBucket: firstBucket, bucketCount: width, series: series, quantities: quantities,
            firstDemandDay: firstDays, lastDemandDay: lastDays)
        return Snapshot(
            asOf: asOf, settings: settings, items: items, locations: locations, suppliers: suppliers, sourcing: sourcing,
            demand: history, countedStock: inventory, overrides: overrides)
    }
}
