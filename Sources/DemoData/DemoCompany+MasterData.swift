import InventoryCore

extension DemoCompany {
    /// Locations: the named sites first, then numbered ones alternating between the two companies.
    mutating func buildLocations() {
        for index in 0..<configuration.locationCount {
            if index < DemoNames.sites.count {
                let site = DemoNames.sites[index]
                locations.append(Location(id: site.id, name: site.name, companyID: site.company, region: site.region))
            } else {
                let number = String(index + 1)
                let padded = String(repeating: "0", count: max(0, 3 - number.count)) + number
                let region = DemoNames.extraRegions[index % DemoNames.extraRegions.count]
                let company = region.hasPrefix("DE") ? "ACME-DE" : "ACME-NL"
                locations.append(
                    Location(id: "SITE-\(padded)", name: "Site \(padded) (\(region))", companyID: company, region: region))
            }
        }
    }

    /// Suppliers: a country drawn by weight (one always in China, with long lead times), catalog
    /// lead time uniform in the country's range, CV uniform in its range; one in five has real
    /// lead times 15 … 40 % longer than its catalog says. Supplier i supplies category i mod 8 and,
    /// with probability 0.4, one more.
    mutating func buildSuppliers() {
        var random = generator(.suppliers)
        guard let countryChoice = CategoricalSampler(weights: DemoNames.countries.map(\.weight)) else { return }
        let categories = DemoCategory.allCases
        for index in 0..<configuration.supplierCount {
            let countryIndex = index == 1 ? DemoNames.longLeadCountry : countryChoice.sample(using: &random)
            let country = DemoNames.countries[countryIndex]
            var supplied = [categories[index % categories.count]]
            if random.nextUnitDouble() < 0.4 {
                let extra = categories[Int(random.nextBounded(UInt64(categories.count)))]
                if extra != supplied[0] { supplied.append(extra) }
            }
            let mean = random.nextDouble(in: country.leadTime.lowerBound, country.leadTime.upperBound).rounded()
            let cv = random.nextDouble(in: country.variation.lowerBound, country.variation.upperBound)
            let optimistic = random.nextUnitDouble() < 0.2
            let factor = optimistic ? random.nextDouble(in: 1.15, 1.4) : 1
            let stem = DemoNames.supplierStems[Int(random.nextBounded(UInt64(DemoNames.supplierStems.count)))]
            let trade = DemoNames.supplierTrades[supplied[0].rawValue]
            let number = String(index + 1)
            let id = "SUP-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
            suppliers.append(Supplier(id: id, name: "\(stem) \(trade) \(country.legalForm)", country: country.code))
            supplierProfiles.append(
                DemoSupplierProfile(
                    leadTimeMean: mean, leadTimeSD: DemoRounding.decimals(mean * cv, 1), actualFactor: factor,
                    categories: supplied))
        }
    }

    /// Suppliers of each category (every category has at least one).
    func suppliersByCategory() -> [[Int32]] {
        var result = [[Int32]](repeating: [], count: DemoCategory.allCases.count)
        for (index, profile) in supplierProfiles.enumerated() {
            for category in profile.categories { result[category.rawValue].append(Int32(index)) }
        }
        for category in DemoCategory.allCases where result[category.rawValue].isEmpty {
            result[category.rawValue] = [Int32(category.rawValue % supplierProfiles.count)]
        }
        return result
    }

    /// Items: patterns by quota (each pattern at least once), then per item a category (weighted
    /// by whether the pattern is sporadic), a lognormal unit cost and volume around the category
    /// medians, criticality, shelf life, units of measure, suppliers; successors last.
    mutating func buildItems() {
        var random = generator(.items)
        let patterns = Self.patternAssignment(count: configuration.itemCount, using: &random)
        let byCategory = suppliersByCategory()
        let regular = CategoricalSampler(weights: DemoCategory.allCases.map(\.regularWeight))
        let sporadic = CategoricalSampler(weights: DemoCategory.allCases.map(\.sporadicWeight))
        for (index, pattern) in patterns.enumerated() {
            let chooser = pattern.isSporadic ? sporadic : regular
            let category = DemoCategory(rawValue: chooser?.sample(using: &random) ?? 0) ?? .bearings
            let itemNumber = Int32(index)
            let id = "\(category.prefix)-\(10_000 + index + 1)"
            let templates = category.descriptions
            let template = templates[Int(random.nextBounded(UInt64(templates.count)))]
            let size = category.sizes[Int(random.nextBounded(UInt64(category.sizes.count)))]
            let description = template.split(separator: "#", omittingEmptySubsequences: false).joined(separator: size)
            let cost = DemoRounding.money(
                LognormalSampler(median: category.cost.median, logStandardDeviation: category.cost.logSD).sample(using: &random))
            let volume = LognormalSampler(median: category.volumeMedian, logStandardDeviation: 1.15).sample(using: &random)
            let shares = category.criticalityShares
            let u = random.nextUnitDouble()
            let criticality: Criticality =
                u < shares.vital ? .vital : (u < shares.vital + shares.essential ? .essential : .desirable)
            let lifecycle: Lifecycle
            switch pattern {
            case .new: lifecycle = .new
            case .obsolete: lifecycle = .obsolete
            case .dying: lifecycle = random.nextUnitDouble() < 0.6 ? .phaseOut : .active
            default: lifecycle = .active
            }
            var shelfLife: Int?
            switch category {
            case .chemicals: shelfLife = [180, 365, 540, 730][Int(random.nextBounded(4))]
            case .packaging where random.nextUnitDouble() < 0.15: shelfLife = 540
            case .filters where random.nextUnitDouble() < 0.10: shelfLife = 1_095
            default: shelfLife = nil
            }
            let units = unitsOfMeasure(item: itemNumber, category: category, annualVolume: volume, using: &random)
            let candidates = byCategory[category.rawValue]
            let primary = candidates[Int(random.nextBounded(UInt64(candidates.count)))]
            var secondary: Int32?
            let others =
                candidates.count > 1
                ? candidates.filter { $0 != primary } : (0..<Int32(supplierProfiles.count)).filter { $0 != primary }
            if !others.isEmpty { secondary = others[Int(random.nextBounded(UInt64(others.count)))] }
            items.append(
                Item(
                    id: id, description: description, category: category.name, baseUOM: category.baseUOM, unitCost: cost,
                    criticality: criticality, lifecycle: lifecycle, successor: nil, shelfLifeDays: shelfLife))
            itemProfiles.append(
                DemoItemProfile(
                    pattern: pattern, category: category, annualVolume: volume,
                    quantityScale: category.quantityDecimals == 0 ? 1 : 10, decimals: category.quantityDecimals,
                    purchaseUOM: units.purchase.uom, unitsPerPurchaseUOM: units.purchase.baseUnits, issueUOM: units.issue,
                    primarySupplier: primary, secondarySupplier: secondary))
        }
        assignSuccessors()
    }

    /// Pattern of each item: ⌊share · n⌋ of each pattern, at least one, the rest smooth, shuffled.
    static func patternAssignment(count: Int, using random: inout Xoshiro256StarStar) -> [DemoDemandPattern] {
        var patterns: [DemoDemandPattern] = []
        for pattern in DemoDemandPattern.allCases where pattern != .smooth {
            let quota = max(1, Int((pattern.share * Double(count)).rounded(.down)))
            patterns.append(contentsOf: repeatElement(pattern, count: quota))
        }
        patterns.append(contentsOf: repeatElement(DemoDemandPattern.smooth, count: max(0, count - patterns.count)))
        patterns = Array(patterns.prefix(count))
        patterns.fisherYatesShuffle(using: &random)
        return patterns
    }

    /// Conversions of an item and the unit it is bought in. Packs are only used when a year's
    /// volume fills at least four of them.
    mutating func unitsOfMeasure(
        item: Int32, category: DemoCategory, annualVolume: Double, using random: inout Xoshiro256StarStar
    ) -> (purchase: (uom: String, baseUnits: Double), issue: (uom: String, baseUnits: Double)?) {
        func pick(_ sizes: [Double]) -> Double? {
            let fitting = sizes.filter { $0 * 4 <= annualVolume }
            return fitting.isEmpty ? nil : fitting[Int(random.nextBounded(UInt64(fitting.count)))]
        }
        var purchase = (uom: category.baseUOM, baseUnits: 1.0)
        var issue: (uom: String, baseUnits: Double)?
        func add(_ uom: String, _ baseUnits: Double) {
            uomConversions.append(UOMConversion(item: item, uom: uom, baseUnitsPerUOM: baseUnits))
        }
        switch category {
        case .fasteners:
            if let box = pick([100, 200, 500]) {
                add("BOX", box)
                purchase = ("BOX", box)
            }
            if random.nextUnitDouble() < 0.4 {
                let perKilogram = [20.0, 50, 120, 250][Int(random.nextBounded(4))]
                add("KG", perKilogram)
                issue = ("KG", perKilogram)
            }
        case .filters, .electrical:
            let probability = category == .filters ? 0.5 : 0.25
            if random.nextUnitDouble() < probability, let box = pick(category == .filters ? [6, 12, 24] : [5, 10, 20]) {
                add("BOX", box)
                purchase = ("BOX", box)
            }
        case .packaging:
            if random.nextUnitDouble() < 0.6, let pallet = pick([200, 500, 1_000, 2_000]) {
                add("PAL", pallet)
                purchase = ("PAL", pallet)
            }
        case .chemicals:
            let density = random.nextDouble(in: 0.8, 1.3)
            add("KG", DemoRounding.decimals(1 / density, 4))
            if random.nextUnitDouble() < 0.5, let drum = pick([200]) {
                add("DRUM", drum)
                purchase = ("DRUM", drum)
            }
        case .rawMaterial:
            if random.nextUnitDouble() < 0.5, let pallet = pick([500, 1_000]) {
                add("PAL", pallet)
                purchase = ("PAL", pallet)
            }
        case .bearings, .hydraulics:
            break
        }
        return (purchase, issue)
    }

    /// Phase-out items get a successor: a new item of the same category if one is free, else any
    /// free new item, else an active item of the same category with regular demand.
    mutating func assignSuccessors() {
        var random = generator(.successors)
        var freeNew = items.indices.filter { itemProfiles[$0].pattern == .new }
        for index in items.indices where items[index].lifecycle == .phaseOut {
            let category = itemProfiles[index].category
            var candidates = freeNew.filter { itemProfiles[$0].category == category }
            if candidates.isEmpty { candidates = freeNew }
            if candidates.isEmpty {
                candidates = items.indices.filter {
                    $0 != index && items[$0].lifecycle == .active && itemProfiles[$0].category == category
                        && !itemProfiles[$0].pattern.isSporadic && itemProfiles[$0].pattern != .dying
                }
            }
            guard !candidates.isEmpty else {
                items[index].lifecycle = .active  // nothing can replace it: it is just dying
                continue
            }
            let successor = candidates[Int(random.nextBounded(UInt64(candidates.count)))]
            items[index].successor = Int32(successor)
            freeNew.removeAll { $0 == successor }
        }
    }
}
