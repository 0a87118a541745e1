import InventoryCore

extension DemoCompany {
    /// A handful of planner overrides with reasons, authors and validity windows around the
    /// snapshot date (one already expired, one open-ended), on active owned item-locations.
    func overrides() -> [Override] {
        var random = generator(.overrides)
        let asOf = configuration.asOf
        var candidates = itemLocations.indices.filter {
            let itemLocation = itemLocations[$0]
            return itemLocation.ownership == .owned && items[Int(itemLocation.item)].lifecycle == .active
                && itemLocation.process.expectedTicks(on: configuration.historyEnd) > 0
        }
        candidates.fisherYatesShuffle(using: &random)
        var result: [Override] = []
        var next = candidates.makeIterator()
        func add(
            _ index: Int, _ parameter: String, _ value: Double, _ reason: String, _ author: String, _ from: Int?, _ to: Int?
        ) {
            let itemLocation = itemLocations[index]
            result.append(
                Override(
                    item: itemLocation.item, location: itemLocation.location, parameter: parameter, value: value, reason: reason,
                    author: author, validFrom: from.map { asOf.adding(days: $0) }, validTo: to.map { asOf.adding(days: $0) }))
        }
        func daily(_ index: Int) -> Double {
            let itemLocation = itemLocations[index]
            let scale = Double(itemProfiles[Int(itemLocation.item)].quantityScale)
            return itemLocation.process.expectedTicks(on: configuration.historyEnd) / scale
        }
        func units(_ index: Int, _ value: Double) -> Double {
            DemoRounding.decimals(max(1, value), itemProfiles[Int(itemLocations[index].item)].decimals)
        }
        if let i = next.next() {
            add(
                i, "safety_stock", units(i, daily(i) * 15), "Planned maintenance shutdown of line 2 in January: extra buffer",
                "j.meyer", -14, 60)
        }
        if let i = next.next() {
            let leadTime = sourcing[itemLocations[i].sourcingRows.lowerBound].leadTimeDays
            add(
                i, "reorder_point", units(i, daily(i) * (leadTime + 10)),
                "Supplier announced allocation (force majeure); lead time uncertain", "a.devries", 0, 90)
        }
        if let i = next.next() {
            add(i, "service_level", 0.995, "Vital spare for the main compressor, no second source", "k.schmidt", -200, nil)
        }
        if let i = next.next() {
            let scale = Double(itemProfiles[Int(itemLocations[i].item)].quantityScale)
            add(
                i, "order_quantity", units(i, 2 * Double(itemLocations[i].orderQuantity) / scale),
                "Framework contract: full-truck deliveries only", "j.meyer", nil, nil)
        }
        if let i = next.next() {
            add(i, "min", units(i, daily(i) * 7), "Kanban loop resized after the line 4 layout change", "m.jansen", -7, 180)
            add(i, "max", units(i, daily(i) * 21), "Kanban loop resized after the line 4 layout change", "m.jansen", -7, 180)
        }
        if let i = next.next() {
            add(i, "review_period_days", 14, "Supplier delivers every second week only", "a.devries", 0, nil)
        }
        if let i = next.next() {
            add(
                i, "forecast_per_bucket", units(i, daily(i) * 7 * 1.5),
                "Customer project ramp-up: 50 % more per week, confirmed until March", "k.schmidt", 0, 84)
        }
        if let i = next.next() {
            add(i, "safety_stock", units(i, daily(i) * 30), "Winter stock-up 2025/26 (expired)", "j.meyer", -425, -275)
        }
        return result
    }
}
