import Foundation
import InventoryCore
import RealModule

/// A seeded synthetic company generated in memory: items × 4 locations, weekly demand in every
/// pattern, single and dual sourcing with purchase units, MOQs, multiples, price breaks and freight,
/// stock on hand, and a few overrides (some expired).
enum SyntheticCompany {
    /// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, seeded generator.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
        mutating func normal() -> Double {
            let u = max(uniform(), 1e-300)
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * uniform())
        }
    }

    static func snapshot(itemLocations: Int, weeks: Int, seed: UInt64 = 1) -> Snapshot {
        var rng = SplitMix64(state: seed)
        let locationCount = 4
        let itemCount = (itemLocations + locationCount - 1) / locationCount
        let asOf = Day(year: 2026, month: 11, day: 30)!  // a Monday: the last week is complete
        var settings = PlanningSettings()
        settings.historyBuckets = weeks
        let suppliers = (0..<500).map { Supplier(id: "SUP-\($0)") }
        for s in 0..<50 {
            settings.policy.freight["SUP-\(s)"] = FreightTerms(
                costPerOrder: 20, palletQuantity: 40, costPerPallet: 25, fullLoadPallets: 26, fullLoadCost: 450)
        }
        var items: [Item] = []
        items.reserveCapacity(itemCount)
        for i in 0..<itemCount {
            let u = rng.uniform()
            let criticality: Criticality = u < 0.15 ? .vital : (u < 0.75 ? .essential : .desirable)
            let v = rng.uniform()
            let lifecycle: Lifecycle = v < 0.01 ? .obsolete : (v < 0.03 ? .phaseOut : (v < 0.06 ? .new : .active))
            items.append(
                Item(
                    id: "IT-\(i)", unitCost: (exp(2.5 + 1.0 * rng.normal()) * 100).rounded() / 100,
                    criticality: criticality, lifecycle: lifecycle, shelfLifeDays: rng.uniform() < 0.05 ? 180 : nil))
        }
        let locations = (0..<locationCount).map { Location(id: "DC-\($0)") }

        let calendar = BucketCalendar(size: .week)
        let lastBucket = calendar.bucket(containing: asOf.adding(days: -1))
        let firstBucket = lastBucket - Int32(weeks) + 1
        var series: [ItemLocation] = []
        series.reserveCapacity(itemLocations)
        var quantities = [Double](repeating: 0, count: itemLocations * weeks)
        var firstDays = [Day?](repeating: nil, count: itemLocations)
        var lastDays = [Day?](repeating: nil, count: itemLocations)
        var sourcing: [SourcingRule] = []
        sourcing.reserveCapacity(itemLocations * 6 / 5)
        var inventory: [InventoryLot] = []
        inventory.reserveCapacity(itemLocations)
        var overrides: [Override] = []
        let leadTimes: [Double] = [5, 7, 10, 14, 21, 30, 45, 60]
        for r in 0..<itemLocations {
            let item = Int32(r / locationCount)
            let location = Int32(r % locationCount)
            series.append(ItemLocation(item: item, location: location))
            let kind = rng.uniform()
            let rate = exp(1.5 + rng.normal())
            var first: Int?
            var last = 0
            for w in 0..<weeks {
                let u = rng.uniform()
                let q: Double
                if kind < 0.35 {  // smooth
                    q = (rate * (0.7 + 0.6 * u)).rounded()
                } else if kind < 0.50 {  // erratic
                    q = (rate * -log(max(u, 1e-12))).rounded()
                } else if kind < 0.75 {  // intermittent
                    q = u < 0.2 ? max(1, (rate / 4 * (0.7 + 0.6 * rng.uniform())).rounded()) : 0
                } else if kind < 0.95 {  // lumpy
                    q = u < 0.15 ? max(1, (rate * -log(max(rng.uniform(), 1e-12))).rounded()) : 0
                } else {
                    q = 0
                }
                quantities[r * weeks + w] = q
                if q > 0 {
                    if first == nil { first = w }
                    last = w
                }
            }
            if let first {
                firstDays[r] = calendar.firstDay(ofBucket: firstBucket + Int32(first))
                lastDays[r] = calendar.firstDay(ofBucket: firstBucket + Int32(last))
            }
            let cost = items[Int(item)].unitCost
            let dual = rng.uniform() < 0.15
            for k in 0..<(dual ? 2 : 1) {
                let units: Double = [1, 1, 6, 12][Int(rng.uniform() * 4)]
                let lead = leadTimes[Int(rng.uniform() * 8)]
                var breaks: [PriceBreak] = []
                if rng.uniform() < 0.1 {
                    breaks = [
                        PriceBreak(minimumQuantity: 50, unitPrice: cost * units * 0.95),
                        PriceBreak(minimumQuantity: 250, unitPrice: cost * units * 0.9),
                    ]
                }
                sourcing.append(
                    SourcingRule(
                        item: item, location: location, supplier: Int32(rng.uniform() * 500),
                        purchaseUOM: units == 1 ? "EA" : "BOX", unitsPerPurchaseUOM: units, leadTimeDays: lead,
                        leadTimeSDDays: (lead * 0.3 * rng.uniform() * 10).rounded() / 10,
                        moq: [0, 10, 50][Int(rng.uniform() * 3)], orderMultiple: [0, 1, 6, 12][Int(rng.uniform() * 4)],
                        unitPrice: cost * units, priceBreaks: breaks, share: dual ? (k == 0 ? 0.7 : 0.3) : 1))
            }
            if rng.uniform() < 0.8 {
                inventory.append(InventoryLot(item: item, location: location, onHand: (rate * 6 * rng.uniform()).rounded()))
            }
            if rng.uniform() < 0.01 {
                overrides.append(
                    Override(
                        item: item, location: location, parameter: "safety_stock", value: (rate * 2).rounded(),
                        reason: "supply risk", author: "planner",
                        validTo: rng.uniform() < 0.3 ? asOf.adding(days: -7) : nil))
            }
        }
        let history = DemandHistory(
            calendar: calendar, firstBucket: firstBucket, bucketCount: weeks, series: series, quantities: quantities,
            firstDemandDay: firstDays, lastDemandDay: lastDays)
        return Snapshot(
            asOf: asOf, settings: settings, items: items, locations: locations, suppliers: suppliers, sourcing: sourcing,
            demand: history, countedStock: inventory, overrides: overrides)
    }
}
