public import InventoryCore
public import InventoryPolicy

/// Working capital against service (docs/working-capital.md): per ABC class the efficient frontier —
/// the inventory investment the plan's own policy maths needs at each service level — the current
/// point, and the cheapest way to reach a working-capital target without any class below its floor.
///
/// - A class at level s: every item-location of the class takes the target
///   ``InventoryPolicy/ServiceLevelTarget`` gives its ABC-XYZ cell when every cell of the class is
///   set to s — the supplier-segment and vital floors, the desirable and phase-out caps of the
///   settings still apply — and its average inventory (cycle stock + safety stock,
///   ``InventoryPolicy/PolicyEngine/averageInventory(_:serviceLevel:)``) is valued at unit cost.
///   Overrides are left out: the frontier is what the policy maths needs.
/// - A class's service: the targets weighted by annual demand value (annual demand × unit cost), so
///   a point says what share of the class's demand value is protected at the target.
/// - The current point: the same at the settings' own targets.
/// - A class's floor: the one asked for, else the class's service with every cell at the lowest
///   target its cells have in the settings (so today's targets always clear it).
/// - A target T: among every combination of one point per class — the current targets or a level
///   of the frontier — whose class service is at least the class's floor, the one with the highest
///   service over all classes (demand-value weighted) whose investment is at most T; ties go to the
///   lower investment. This is the exchange-curve allocation of Silver, Pyke & Thomas (2017, §7.4),
///   solved exactly over the grid by enumeration (at most 41³ combinations). When no combination
///   fits, the least investment reachable above the floors is reported as not feasible.
public enum WorkingCapitalFrontier {
    /// Plans `snapshot` and draws its frontier: the one call behind `procura working-capital`,
    /// `GET /api/v1/working-capital` and the Working capital page.
    public static func planned(
        snapshot: Snapshot, request: WorkingCapitalRequest, progress: any ProgressReporter = SilentProgress()
    ) async -> WorkingCapitalDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return run(snapshot: snapshot, plan: plan, request: request)
    }

    /// The frontier of `plan`.
    public static func run(snapshot: Snapshot, plan: PlanResult, request: WorkingCapitalRequest) -> WorkingCapitalDocument {
        let settings = plan.settings
        let engine = PolicyEngine(settings: settings.policy, bucket: settings.bucket)
        var segmentOf: [Int32: SupplierSegment] = [:]
        for s in plan.classification.suppliers { segmentOf[s.supplier] = s.segment }
        let primary = ClassificationRun.primarySuppliers(snapshot: snapshot)
        let floorLevels = request.defaultFloorLevels(settings: settings.serviceLevels)

        var classes: [WorkingCapitalDocument.ClassFrontier] = []
        for cls in ABCClass.allCases {
            var levelSettings = settings.serviceLevels
            var weights: [Double] = []
            var current = Tally()
            var frontier = Array(repeating: Tally(), count: request.levels.count)
            var floor = Tally()
            for row in plan.rows where row.policy.input.abc == cls {
                let input = row.policy.input
                let cell = ABCXYZCell(input.abc, input.xyz)
                let segment = primary[ItemLocation(item: row.item, location: row.location)].flatMap { segmentOf[$0] }
                func target(at level: Double) -> Double {
                    for xyz in XYZClass.allCases { levelSettings.byCell[ABCXYZCell(cls, xyz)] = level }
                    return ServiceLevelTarget(
                        cell: cell, criticality: input.criticality, lifecycle: input.lifecycle, supplierSegment: segment,
                        settings: levelSettings
                    ).value
                }
                let weight = row.policy.evaluation.annualDemand * input.unitCost
                let w = weight.isFinite && weight > 0 ? weight : 0
                weights.append(w)
                current.add(
                    target: input.serviceLevel, weight: w,
                    value: engine.averageInventory(input, serviceLevel: input.serviceLevel) * input.unitCost)
                for (k, level) in request.levels.enumerated() {
                    let t = target(at: level)
                    frontier[k].add(target: t, weight: w, value: engine.averageInventory(input, serviceLevel: t) * input.unitCost)
                }
                if let level = floorLevels[cls] { floor.add(target: target(at: level), weight: w, value: 0) }
            }
            guard !weights.isEmpty else { continue }
            classes.append(
                WorkingCapitalDocument.ClassFrontier(
                    class: cls.rawValue, itemLocations: weights.count, annualDemandValue: weights.reduce(0, +),
                    floor: request.floors[cls] ?? floor.point(level: nil).service, current: current.point(level: nil),
                    frontier: zip(request.levels, frontier).map { $1.point(level: $0) }))
        }
        let current = combined(classes.map { (weight: $0.annualDemandValue, point: $0.current) })
        return WorkingCapitalDocument(
            asOf: plan.asOf.description, currency: settings.currency, serviceMeasure: settings.policy.serviceMeasure.rawValue,
            levels: request.levels, classes: classes, current: current,
            target: request.target.map { reach($0, classes: classes, current: current, currency: settings.currency) })
    }

    /// The best combination for `target` (see the type's documentation).
    static func reach(
        _ target: Double, classes: [WorkingCapitalDocument.ClassFrontier], current: WorkingCapitalDocument.Point,
        currency: String
    ) -> WorkingCapitalDocument.TargetPlan {
        let options = classes.map { c in ([c.current] + c.frontier).filter { $0.service >= c.floor - 1e-12 } }
        let total = classes.reduce(0) { $0 + $1.annualDemandValue }
        var best: (service: Double, investment: Double, picks: [Int])?
        var cheapest: (investment: Double, service: Double, picks: [Int])?
        var picks = Array(repeating: 0, count: classes.count)
        func visit(_ k: Int, investment: Double, weighted: Double) {
            guard k < classes.count else {
                let service = total > 0 ? weighted / total : 0
                if investment <= target + 1e-6,
                    best.map({
                        service > $0.service + 1e-12 || (abs(service - $0.service) <= 1e-12 && investment < $0.investment)
                    })
                        ?? true
                {
                    best = (service, investment, picks)
                }
                if cheapest.map({
                    investment < $0.investment - 1e-9 || (abs(investment - $0.investment) <= 1e-9 && service > $0.service)
                })
                    ?? true
                {
                    cheapest = (investment, service, picks)
                }
                return
            }
            for (j, option) in options[k].enumerated() {
                picks[k] = j
                visit(
                    k + 1, investment: investment + option.investment,
                    weighted: weighted + classes[k].annualDemandValue * option.service)
            }
        }
        if options.allSatisfy({ !$0.isEmpty }) { visit(0, investment: 0, weighted: 0) }
        let chosen = best.map { ($0.investment, $0.service, $0.picks) } ?? cheapest.map { ($0.investment, $0.service, $0.picks) }
        guard let chosen else {
            let blocked = zip(classes, options).filter { $1.isEmpty }.map { "\($0.0.class) (floor \(percent($0.0.floor)))" }
            return WorkingCapitalDocument.TargetPlan(
                workingCapital: target, feasible: false, investment: current.investment, saving: 0, service: current.service,
                classes: [],
                summary:
                    "no level reaches the floor of class \(blocked.joined(separator: ", ")) — lower the floor or draw higher levels"
            )
        }
        let (investment, service, chosenPicks) = chosen
        let choices = classes.enumerated().map { k, c in
            let point = options[k][chosenPicks[k]]
            return WorkingCapitalDocument.Choice(
                class: c.class, point: point, current: c.current, change: point.investment - c.current.investment)
        }
        let feasible = best != nil
        let moves = choices.map { c in
            "\(c.class) \(c.point.level.map { "at " + percent($0) } ?? "at its current targets") (\(percent(c.point.service)))"
        }.joined(separator: ", ")
        let summary =
            feasible
            ? "\(moves): \(money(investment)) \(currency) against the target \(money(target)), \(money(current.investment - investment)) released against today's targets; service \(percent(service)) (today \(percent(current.service)))"
            : "the target \(money(target)) \(currency) cannot be reached without a class below its floor: the least is \(money(investment)) with \(moves)"
        return WorkingCapitalDocument.TargetPlan(
            workingCapital: target, feasible: feasible, investment: investment, saving: current.investment - investment,
            service: service, classes: choices, summary: summary)
    }

    /// The classes' points together: investments added, services weighted by demand value.
    static func combined(_ parts: [(weight: Double, point: WorkingCapitalDocument.Point)]) -> WorkingCapitalDocument.Point {
        let total = parts.reduce(0) { $0 + $1.weight }
        let service = total > 0 ? parts.reduce(0) { $0 + $1.weight * $1.point.service } / total : 0
        return WorkingCapitalDocument.Point(
            level: nil, service: service, investment: parts.reduce(0) { $0 + $1.point.investment })
    }

    static func percent(_ x: Double) -> String { ExplanationFormat.number(x * 100) + " %" }
    static func money(_ x: Double) -> String { ExplanationFormat.number(x.rounded()) }

    /// Running sums of one point.
    struct Tally {
        var weighted = 0.0
        var weight = 0.0
        var targets = 0.0
        var count = 0
        var investment = 0.0

        mutating func add(target: Double, weight: Double, value: Double) {
            weighted += weight * target
            self.weight += weight
            targets += target
            count += 1
            if value.isFinite { investment += value }
        }

        /// Without demand value the plain mean of the targets.
        func point(level: Double?) -> WorkingCapitalDocument.Point {
            let service = weight > 0 ? weighted / weight : count > 0 ? targets / Double(count) : 0
            return WorkingCapitalDocument.Point(level: level, service: service, investment: investment)
        }
    }
}
