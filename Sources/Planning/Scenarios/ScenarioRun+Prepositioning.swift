public import InventoryCore
public import InventoryPolicy
public import Simulation

extension ScenarioRun {
    /// The progress step while needs and donors' spare stock are searched.
    public static let prepositionStep = "searching needs and spare stock"

    /// Plans `snapshot` and pre-positions stock ahead of the spec in `yaml`: the one call behind
    /// `procura preposition`, `POST /api/v1/preposition` and the page. `replications` and `seed`
    /// override the spec's; a spec that is not valid throws with every problem's line and field.
    public static func plannedPreposition(
        snapshot: Snapshot, yaml: String, replications: Int? = nil, seed: UInt64? = nil,
        progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> PrepositionDocument {
        let spec = try spec(yaml: yaml, snapshot: snapshot, replications: replications, seed: seed)
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try await preposition(snapshot: snapshot, plan: plan, spec: spec, progress: progress)
    }

    /// Which stock to move where before `spec`'s scenario, on `plan`'s policies (docs/scenarios.md
    /// "Pre-positioning"):
    ///
    /// 1. **threatened**: the item-locations a supply shock (closure, supplier failure, lead time)
    ///    of the spec touches by its scope;
    /// 2. **need**: of those on target without the shocks and below it under them, the smallest
    ///    extra opening stock (the policy unchanged) that holds the target under the scenario —
    ///    the scenario's buffer search (``ScenarioReplay/smallestBuffers(_:tolerance:achieved:lever:)``)
    ///    on the opening stock;
    /// 3. **spare**: each other location of the same item that no supply shock touches can give
    ///    the largest cut of its opening stock that still holds its own target under the same
    ///    scenario (``ScenarioReplay/largestCuts(_:limits:tolerance:achieved:)``), at most its
    ///    owned stock on hand today (``InventoryCore/Snapshot/ownedOnHand()``: consignment and VMI
    ///    stock is the supplier's) and at most its opening stock;
    /// 4. **moves**: per need (item, then location), the donor whose move costs least per unit it
    ///    covers — `cost_per_move` + `transfer_cost_rate` × units × unit cost, over the units —
    ///    gives min(rest of the need, its spare), until the need is covered or no donor has spare
    ///    left. Receivers and donors are replayed again with the moved units to give the service
    ///    each move protects and the donor's service after giving; a donor that misses its target
    ///    with what it actually gives (the replay is not monotone in the stock) gives nothing and
    ///    the moves are allocated again.
    ///
    /// Achieved service is the mean over the replications of `policy.service_measure`; a target
    /// holds when achieved ≥ target − `tolerance`.
    public static func preposition(
        snapshot: Snapshot, plan: PlanResult, spec: ScenarioSpec, tolerance: Double = 0.05,
        progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> PrepositionDocument {
        progress.report(ProgressUpdate(step: replayingStep))
        let prepared = try prepare(snapshot: snapshot, plan: plan, spec: spec, tolerance: tolerance)
        let (rows, replay) = (prepared.rows, prepared.replay)
        let measure = snapshot.settings.policy.serviceMeasure
        func achieved(_ t: BacktestTotals) -> Double { measure == .fillRate ? t.fillRate : t.cycleServiceLevel }
        func meanAchieved(_ list: [BacktestTotals]) -> Double { mean(list.map(achieved)) }
        func served(_ list: [BacktestTotals], _ r: Int) -> Double {
            mean(list.map { Double($0.unitsServed) }) / Double(rows[r].scale)
        }
        let settings = snapshot.settings.preposition
        func target(_ r: Int) -> Double { rows[r].result.final.serviceLevel }
        func holds(_ value: Double, _ r: Int) -> Bool { !value.isNaN && value >= target(r) - tolerance }

        // 1. Threatened: touched by a supply shock.
        let supplyShocks = spec.shocks.filter {
            switch $0.kind {
            case .closure, .supplierFailure, .leadTime: true
            case .demand, .price: false
            }
        }
        let hit = rows.map { row in
            let attributes = ScenarioRowAttributes(
                snapshot: snapshot, item: row.item, location: row.location, supplier: row.source?.rule.supplier)
            return supplyShocks.contains { $0.scope.contains(attributes) }
        }
        let all = Array(rows.indices)
        let zero = [Int](repeating: 0, count: rows.count)
        let baseline = try await replay.totals(all, extra: zero, shocked: false)
        let shocked = try await replay.totals(all, extra: zero, shocked: true)
        let threatened = all.filter { hit[$0] }
        var holdAlready = 0
        var offTarget = 0
        var notMeasured = 0
        var needRows: [Int] = []
        for r in threatened {
            let before = meanAchieved(baseline[r])
            let after = meanAchieved(shocked[r])
            if before.isNaN || after.isNaN {
                notMeasured += 1
            } else if holds(after, r) {
                holdAlready += 1
            } else if !holds(before, r) {
                offTarget += 1
            } else {
                needRows.append(r)
            }
        }

        // 2. Needs, and 3. the donors' spare stock.
        let needItems = Set(needRows.map { rows[$0].item })
        let donorRows = all.filter { !hit[$0] && needItems.contains(rows[$0].item) }
        progress.report(
            ProgressUpdate(step: prepositionStep, total: needRows.count + donorRows.count, unit: "item-locations"))
        let needs = try await replay.smallestBuffers(
            needRows, tolerance: tolerance, achieved: achieved, lever: .openingStock)
        let owned = snapshot.ownedOnHand()
        let limits = donorRows.map { r in
            let row = rows[r]
            let ownedUnits = owned[ItemLocation(item: row.item, location: row.location)] ?? 0
            let ownedScaled = (ownedUnits * Double(row.scale)).rounded(.down)
            return min(row.current.initialOnHand, Int(min(ownedScaled, Double(Backtest.largestValue))))
        }
        let spareScaled = try await replay.largestCuts(donorRows, limits: limits, tolerance: tolerance, achieved: achieved)

        // 4. The moves: per need, the cheapest donor per unit covered first.
        struct Planned {
            var need: Int
            var donor: Int
            var units: Double
        }
        func unitCost(_ r: Int) -> Double { rows[r].result.input.unitCost }
        func moveCost(units: Double, donor: Int) -> Double {
            settings.costPerMove + settings.transferCostRate * units * unitCost(donor)
        }
        var spare: [Int: Double] = [:]
        for r in donorRows { spare[r] = Double(spareScaled[r] ?? 0) / Double(rows[r].scale) }
        func id(_ r: Int) -> (String, String) {
            (snapshot.items[Int(rows[r].item)].id, snapshot.locations[Int(rows[r].location)].id)
        }
        let orderedNeeds = needRows.sorted { id($0) < id($1) }
        /// Per need in order, the cheapest donor per unit covered first, from `available`.
        func allocate(_ available: [Int: Double]) -> (planned: [Planned], covered: [Int: Double]) {
            var spare = available
            var planned: [Planned] = []
            var coveredUnits: [Int: Double] = [:]
            for r in orderedNeeds {
                guard let scaled = needs[r] else { continue }
                var rest = Double(scaled) / Double(rows[r].scale)
                while rest > 1e-9 {
                    let candidates = donorRows.filter { rows[$0].item == rows[r].item && (spare[$0] ?? 0) > 1e-9 }
                    func give(_ d: Int) -> Double {
                        // Whole units of the donor's replay: the rest rounded up, at most its spare.
                        let scale = Double(rows[d].scale)
                        return min(spare[d] ?? 0, ((rest * scale) - 1e-9).rounded(.up) / scale)
                    }
                    let best = candidates.min { a, b in
                        let (ga, gb) = (give(a), give(b))
                        let (ca, cb) = (moveCost(units: ga, donor: a) / ga, moveCost(units: gb, donor: b) / gb)
                        return ca != cb ? ca < cb : id(a).1 < id(b).1
                    }
                    guard let d = best else { break }
                    let units = give(d)
                    planned.append(Planned(need: r, donor: d, units: units))
                    spare[d] = (spare[d] ?? 0) - units
                    rest -= units
                    coveredUnits[r, default: 0] += units
                }
            }
            return (planned, coveredUnits)
        }
        func scaledUnits(_ units: Double, _ r: Int) -> Int {
            Int(min((units * Double(rows[r].scale) + 1e-9).rounded(.down), Double(Backtest.largestValue)))
        }

        // Each donor is replayed after everything it gives. The replay is not monotone in the
        // stock (a cut can move a stock-out into another cycle), so a donor that misses its target
        // with what it actually gives — less than its spare — gives nothing, and the moves are
        // allocated again: each round drops at least one donor.
        var available = spare
        var planned: [Planned] = []
        var coveredUnits: [Int: Double] = [:]
        var donorAfter: [Int: Double] = [:]
        while true {
            (planned, coveredUnits) = allocate(available)
            var given: [Int: Double] = [:]
            for p in planned { given[p.donor, default: 0] += p.units }
            let givers = given.keys.sorted()
            let giverTotals =
                givers.isEmpty
                ? []
                : try await replay.totals(
                    givers, extra: givers.map { -scaledUnits(given[$0] ?? 0, $0) }, lever: .openingStock, shocked: true)
            donorAfter = [:]
            for (k, d) in givers.enumerated() { donorAfter[d] = meanAchieved(giverTotals[k]) }
            let failing = givers.filter { !holds(donorAfter[$0] ?? .nan, $0) }
            guard !failing.isEmpty else { break }
            for d in failing { available[d] = 0 }
        }

        // Each receiver replayed after each of its moves.
        var receivedSoFar: [Int: Double] = [:]
        var steps: [(row: Int, extra: Int)] = []
        for p in planned {
            receivedSoFar[p.need, default: 0] += p.units
            steps.append((p.need, scaledUnits(receivedSoFar[p.need] ?? 0, p.need)))
        }
        let stepTotals =
            steps.isEmpty
            ? [] : try await replay.totals(steps.map(\.row), extra: steps.map(\.extra), lever: .openingStock, shocked: true)

        var moves: [PrepositionDocument.Move] = []
        var withMoves: [Int: Double] = [:]
        var previous: [Int: [BacktestTotals]] = [:]
        for (k, p) in planned.enumerated() {
            let before = previous[p.need] ?? shocked[p.need]
            let after = stepTotals[k]
            previous[p.need] = after
            withMoves[p.need] = meanAchieved(after)
            let value = p.units * unitCost(p.donor)
            moves.append(
                PrepositionDocument.Move(
                    itemId: id(p.need).0, fromLocationId: id(p.donor).1, toLocationId: id(p.need).1,
                    region: snapshot.locations[Int(rows[p.need].location)].region, units: p.units, valueMoved: value,
                    transferCost: moveCost(units: p.units, donor: p.donor), receiverTarget: target(p.need),
                    receiverWithout: meanAchieved(before), receiverWith: meanAchieved(after),
                    demandServedProtected: served(after, p.need) - served(before, p.need), donorTarget: target(p.donor),
                    donorBefore: meanAchieved(shocked[p.donor]), donorAfter: donorAfter[p.donor] ?? .nan))
        }

        let needLines = orderedNeeds.map { r -> PrepositionDocument.Need in
            let units = needs[r].map { Double($0) / Double(rows[r].scale) }
            let covered = coveredUnits[r] ?? 0
            let rest = units.map { max(0, $0 - covered) } ?? .nan
            let others = donorRows.contains { rows[$0].item == rows[r].item }
            let status: String
            let note: String
            if units == nil {
                status = "no_stock_holds"
                note = "no opening stock within 10⁹ units holds the target under this scenario"
            } else if rest <= 1e-9 {
                status = "covered"
                note = ""
            } else if covered > 0 {
                status = "partly_covered"
                note = "\(unitsText(rest)) units uncovered: raise the buffer or expedite"
            } else if !others {
                status = "no_other_location"
                note = "no other location of the item is outside the supply shocks: raise the buffer or expedite"
            } else {
                status = "nothing_to_spare"
                note = "the other locations cannot give without missing their own target: raise the buffer or expedite"
            }
            return PrepositionDocument.Need(
                itemId: id(r).0, locationId: id(r).1, region: snapshot.locations[Int(rows[r].location)].region,
                class: rows[r].result.input.abc.rawValue, target: target(r), baselineAchieved: meanAchieved(baseline[r]),
                shockedAchieved: meanAchieved(shocked[r]), need: units ?? .nan,
                needValue: units.map { $0 * unitCost(r) } ?? .nan, covered: covered, uncovered: rest,
                achievedWithMoves: withMoves[r] ?? meanAchieved(shocked[r]), status: status, note: note)
        }

        func sum(_ list: [PrepositionDocument.Move], _ value: (PrepositionDocument.Move) -> Double) -> Double {
            list.reduce(0) { $0 + value($1) }
        }
        func uncoveredUnits(_ list: [PrepositionDocument.Need]) -> Double {
            list.reduce(0) { $0 + ($1.uncovered.isNaN ? 0 : $1.uncovered) }
        }
        let regionNames = Set(needLines.map(\.region)).sorted()
        let regions = regionNames.map { name -> PrepositionDocument.Region in
            let n = needLines.filter { $0.region == name }
            let m = moves.filter { $0.region == name }
            return PrepositionDocument.Region(
                region: name, needs: n.count, covered: n.filter { $0.status == "covered" }.count, moves: m.count,
                units: sum(m, \.units), value: sum(m, \.valueMoved), cost: sum(m, \.transferCost),
                demandServedProtected: sum(m, \.demandServedProtected), uncoveredUnits: uncoveredUnits(n))
        }
        let covered = needLines.filter { $0.status == "covered" }.count
        let partly = needLines.filter { $0.status == "partly_covered" }.count
        let totals = PrepositionDocument.Totals(
            needs: needLines.count, covered: covered, partlyCovered: partly,
            uncovered: needLines.count - covered - partly, moves: moves.count, units: sum(moves, \.units),
            value: sum(moves, \.valueMoved), cost: sum(moves, \.transferCost),
            demandServedProtected: sum(moves, \.demandServedProtected), uncoveredUnits: uncoveredUnits(needLines))
        return PrepositionDocument(
            scenario: spec.name,
            shocks: spec.shocks.indices.map { describe(spec.shocks[$0], window: prepared.windows[$0], snapshot: snapshot) },
            from: prepared.window.from.description, to: prepared.window.to.description, periods: replay.periods,
            period: snapshot.settings.bucket.rawValue, measure: measure.rawValue, tolerance: tolerance,
            replications: spec.replications, seed: spec.seed, currency: snapshot.settings.currency,
            transferCostRate: settings.transferCostRate, costPerMove: settings.costPerMove, itemLocations: rows.count,
            threatened: threatened.count, holdAlready: holdAlready, offTargetWithout: offTarget, notMeasured: notMeasured,
            needs: needLines, moves: moves, regions: regions, totals: totals)
    }

    /// A number of units in words: whole, or with up to three decimals.
    static func unitsText(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String((x * 1000).rounded() / 1000)
    }
}
