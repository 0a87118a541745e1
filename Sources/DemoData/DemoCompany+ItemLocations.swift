import InventoryCore

extension DemoCompany {
    /// Item-locations with their demand process, sourcing rows and replenishment policy.
    ///
    /// Each item is stocked at 1 + Poisson(0.8) locations (at most all), drawn without replacement
    /// with weights 1/(1 + j/2) for location j, so the first sites carry most items. The item's
    /// volume is split over them in proportion to those weights times a lognormal(0, 0.3) factor.
    mutating func buildItemLocations() {
        var random = generator(.itemLocations)
        let locationCount = locations.count
        let stockingCount = PoissonSampler(mean: 0.8)
        for item in items.indices {
            let profile = itemProfiles[item]
            let count = min(locationCount, 1 + stockingCount.sample(using: &random))
            var available = Array(0..<locationCount)
            var chosen: [Int] = []
            for _ in 0..<count {
                guard let choice = CategoricalSampler(weights: available.map { 1 / (1 + Double($0) / 2) }) else { break }
                chosen.append(available.remove(at: choice.sample(using: &random)))
            }
            chosen.sort()
            let weights = chosen.map {
                1 / (1 + Double($0) / 2) * LognormalSampler(logMean: 0, logStandardDeviation: 0.3).sample(using: &random)
            }
            let total = weights.reduce(0, +)
            for (position, location) in chosen.enumerated() {
                let rate = profile.annualVolume * weights[position] / total / 365.25
                addItemLocation(item: item, location: location, rate: rate, using: &random)
            }
        }
    }

    /// One item-location: process, ownership, sourcing rows, policy.
    private mutating func addItemLocation(item: Int, location: Int, rate: Double, using random: inout Xoshiro256StarStar) {
        let profile = itemProfiles[item]
        let pattern = profile.pattern
        let scale = Double(profile.quantityScale)
        let process = makeProcess(pattern: pattern, rate: rate, scale: scale, using: &random)
        let dailyRate = process.averageProbability * max(1, process.sizeMean) / scale  // base units/day at level 1

        // Ownership: consignment for spare parts, VMI for consumables; never for items being run down.
        var ownership = Ownership.owned
        if ![.new, .dying, .obsolete].contains(pattern) {
            let spare = [.bearings, .hydraulics, .electrical].contains(profile.category)
            let consumable = [.fasteners, .packaging, .chemicals].contains(profile.category)
            let u = random.nextUnitDouble()
            if u < (spare ? 0.07 : 0.02) {
                ownership = .consignment
            } else if u < (spare ? 0.07 : 0.02) + (consumable ? 0.08 : 0.01) {
                ownership = .vmi
            }
        }
        let dual =
            ownership == .owned && ![.new, .dying, .obsolete].contains(pattern) && profile.secondarySupplier != nil
            && random.nextUnitDouble() < 0.12

        // Order quantity: EOQ (Harris 1913) between one week and one year of demand, in whole
        // purchase units, then MOQ and multiple.
        let cost = items[item].unitCost
        let annual = dailyRate * 365.25
        let eoq = (2 * annual * 50 / (0.25 * cost)).squareRoot()
        let quantity = min(max(eoq, dailyRate * 7), max(dailyRate * 365, dailyRate * 7))
        let perPack = profile.unitsPerPurchaseUOM
        var packs = max(1, (quantity / perPack).rounded(.up))
        var moq = 0.0
        var multiple = 0.0
        if random.nextUnitDouble() < 0.3 {
            moq = DemoRounding.nice(max(1, dailyRate * random.nextDouble(in: 10, 40) / perPack))
        }
        if perPack == 1, random.nextUnitDouble() < 0.25 {
            let options = [5.0, 10, 12, 25, 50].filter { $0 <= dailyRate * 60 }
            if !options.isEmpty { multiple = options[Int(random.nextBounded(UInt64(options.count)))] }
        }
        if moq > 0, multiple > 0 { moq = (moq / multiple).rounded(.up) * multiple }
        packs = max(packs, moq)
        if multiple > 0 { packs = (packs / multiple).rounded(.up) * multiple }
        let orderTicks = Int64(packs * perPack * scale)

        // Sourcing rows.
        let firstRow = sourcing.count
        let shares: (Double, Double) =
            dual ? [(0.7, 0.3), (0.6, 0.4), (0.5, 0.5), (0.8, 0.2), (0.75, 0.25)][Int(random.nextBounded(5))] : (1, 0)
        var suppliersOfRow = [profile.primarySupplier]
        if dual, let second = profile.secondarySupplier { suppliersOfRow.append(second) }
        for (rowIndex, supplier) in suppliersOfRow.enumerated() {
            let supplierProfile = supplierProfiles[Int(supplier)]
            let factor = random.nextDouble(in: 0.85, 1.15)
            let leadTime = max(1, (supplierProfile.leadTimeMean * factor).rounded())
            let leadTimeSD = DemoRounding.decimals(supplierProfile.leadTimeSD * factor, 1)
            let premium = rowIndex == 0 ? random.nextDouble(in: 0.95, 1.05) : random.nextDouble(in: 1.0, 1.12)
            let price = DemoRounding.money(cost * perPack * premium)
            var breaks: [PriceBreak] = []
            if rowIndex == 0, random.nextUnitDouble() < 0.15 {
                let first = DemoRounding.nice(max(moq, packs, 1) * random.nextDouble(in: 2, 4))
                var second = DemoRounding.nice(first * random.nextDouble(in: 2.5, 5))
                if second <= first { second = first * 2 }
                breaks = [
                    PriceBreak(minimumQuantity: first, unitPrice: DemoRounding.money(price * 0.97)),
                    PriceBreak(minimumQuantity: second, unitPrice: DemoRounding.money(price * 0.93)),
                ]
            }
            sourcing.append(
                SourcingRule(
                    item: Int32(item), location: Int32(location), supplier: supplier, purchaseUOM: profile.purchaseUOM,
                    unitsPerPurchaseUOM: perPack, leadTimeDays: leadTime, leadTimeSDDays: leadTimeSD,
                    moq: rowIndex == 0 ? moq : 0, orderMultiple: rowIndex == 0 ? multiple : 0, unitPrice: price,
                    priceBreaks: breaks, share: rowIndex == 0 ? shares.0 : shares.1, ownership: ownership))
        }

        // Policy and simulation window.
        let understocked = random.nextUnitDouble() < 0.12
        let safetyFactor = understocked ? random.nextDouble(in: -0.3, 0.5) : random.nextDouble(in: 1.0, 2.4)
        let leadTime = Int(sourcing[firstRow].leadTimeDays)
        var start = configuration.historyStart
        var lastBuy: Day?
        switch process.shape {
        case .introduced(let day, _):
            start = max(configuration.historyStart, day.adding(days: -leadTime - 2))
        case .stopped(let day):
            let candidate = day.adding(days: -leadTime - random.nextInt(in: 0...10))
            if candidate > configuration.historyStart { lastBuy = candidate }
        default:
            break
        }
        itemLocations.append(
            DemoItemLocationProfile(
                item: Int32(item), location: Int32(location), process: process, sourcingRows: firstRow..<sourcing.count,
                ownership: ownership, safetyFactor: safetyFactor, orderQuantity: max(1, orderTicks),
                stopsOrderingWhenFading: items[item].lifecycle == .phaseOut, lastBuyDay: lastBuy, simulationStart: start))
    }

    /// The demand process of a pattern at a base rate (base units per day); docs/demo-data.md.
    func makeProcess(
        pattern: DemoDemandPattern, rate: Double, scale: Double, using random: inout Xoshiro256StarStar
    ) -> DemoDemandProcess {
        let asOf = configuration.asOf
        let start = configuration.historyStart
        let history = start.distance(to: asOf)
        func smooth() -> DemoDemandProcess {
            let weekday = random.nextDouble(in: 0.75, 0.97)
            let continuous = random.nextUnitDouble() < 0.3
            let weekend = continuous ? weekday : random.nextDouble(in: 0, 0.25)
            var process = DemoDemandProcess(
                weekdayProbability: weekday, weekendProbability: weekend, sizeMean: 1,
                sizeCV: random.nextDouble(in: 0.15, 0.45), shape: .constant)
            process.sizeMean = max(rate, 8.0 / 7) * scale / process.averageProbability
            return process
        }
        func erratic() -> DemoDemandProcess {
            var process = DemoDemandProcess(
                weekdayProbability: random.nextDouble(in: 0.4, 0.7), weekendProbability: random.nextDouble(in: 0, 0.1),
                sizeMean: 1, sizeCV: random.nextDouble(in: 1.3, 2.3), shape: .constant)
            process.sizeMean = max(max(rate, 10.0 / 7) / process.averageProbability, 5) * scale
            return process
        }
        func sporadic(variable: Bool) -> DemoDemandProcess {
            let weekly = variable ? random.nextDouble(in: 0.05, 0.5) : random.nextDouble(in: 0.08, 0.55)
            let cv = variable ? random.nextDouble(in: 1.3, 2.5) : random.nextDouble(in: 0.1, 0.35)
            let size = max(rate * 7 / weekly, variable ? 8 : 1) * scale
            return DemoDemandProcess(
                weekdayProbability: weekly / 5, weekendProbability: 0, sizeMean: size, sizeCV: cv, shape: .constant)
        }
        switch pattern {
        case .smooth:
            return smooth()
        case .erratic:
            return erratic()
        case .intermittent:
            return sporadic(variable: false)
        case .lumpy:
            return sporadic(variable: true)
        case .seasonal:
            var process = smooth()
            let peak = Double(start.daysSinceEpoch) + random.nextDouble(in: 0, 365.25)
            process.shape = .seasonal(amplitude: random.nextDouble(in: 0.35, 0.8), peak: peak)
            return process
        case .trendingUp, .trendingDown:
            var process = random.nextUnitDouble() < 0.75 ? smooth() : erratic()
            let growth = pattern == .trendingUp ? random.nextDouble(in: 0.3, 0.7) : -random.nextDouble(in: 0.25, 0.55)
            process.shape = .trend(ratePerYear: growth, pivot: start.adding(days: history / 2))
            return process
        case .new:
            var process = random.nextUnitDouble() < 0.7 ? smooth() : erratic()
            let introduced = asOf.adding(days: -random.nextInt(in: 21...150))
            process.shape = .introduced(day: max(introduced, start), rampDays: random.nextDouble(in: 10, 30))
            return process
        case .dying:
            var process = random.nextUnitDouble() < 0.5 ? smooth() : sporadic(variable: false)
            var end = asOf.adding(days: random.nextInt(in: -240...45))
            var fadeStart = end.adding(days: -random.nextInt(in: 200...450))
            if fadeStart < start.adding(days: history / 4) {
                fadeStart = start.adding(days: history / 4)
                end = max(end, fadeStart.adding(days: 60))
            }
            process.shape = .fading(start: fadeStart, end: end)
            return process
        case .obsolete:
            var process = random.nextUnitDouble() < 0.6 ? sporadic(variable: false) : smooth()
            let stop = max(asOf.adding(days: -random.nextInt(in: 400...900)), start.adding(days: min(90, history / 4)))
            process.shape = .stopped(day: stop)
            return process
        }
    }

    /// A few open transfers between locations of the same item (two or more locations only).
    mutating func buildTransfers() {
        guard locations.count >= 2 else { return }
        var random = generator(.transfers)
        var byItem = [[Int]](repeating: [], count: items.count)
        for (index, itemLocation) in itemLocations.enumerated() { byItem[Int(itemLocation.item)].append(index) }
        let candidates = itemLocations.indices.filter {
            let itemLocation = itemLocations[$0]
            let pattern = itemProfiles[Int(itemLocation.item)].pattern
            return itemLocation.ownership == .owned && byItem[Int(itemLocation.item)].count >= 2
                && [.smooth, .erratic, .seasonal, .trendingUp].contains(pattern)
        }
        var pool = candidates
        pool.fisherYatesShuffle(using: &random)
        let count = min(pool.count, max(2, configuration.itemCount / 400))
        for (number, index) in pool.prefix(count).enumerated() {
            let itemLocation = itemLocations[index]
            let sources = byItem[Int(itemLocation.item)].filter { $0 != index }
            let source = itemLocations[sources[Int(random.nextBounded(UInt64(sources.count)))]]
            let scale = Double(itemProfiles[Int(itemLocation.item)].quantityScale)
            let twoWeeks = (itemLocation.process.expectedTicks(on: configuration.historyEnd) * 14).rounded()
            let quantity = max(scale, twoWeeks) / scale
            let id = String(number + 1)
            transferOrders.append(
                OpenOrder(
                    orderID: "TO-" + String(repeating: "0", count: max(0, 6 - id.count)) + id, item: itemLocation.item,
                    location: itemLocation.location, supplier: nil, fromLocation: source.location, quantity: quantity,
                    dueDate: configuration.asOf.adding(days: random.nextInt(in: 1...10))))
        }
    }
}
