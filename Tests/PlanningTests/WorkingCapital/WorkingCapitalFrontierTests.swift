import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@testable import Planning

@Suite("Working capital vs service: frontiers per class and the cheapest way to a target")
struct WorkingCapitalFrontierTests {
    typealias Point = WorkingCapitalDocument.Point

    /// Three classes by hand: A (demand value 600), B (300), C (100); today 100 + 50 + 20 = 170 at
    /// service (600·0.98 + 300·0.96 + 100·0.93)/1000 = 0.969.
    static let classes = [
        WorkingCapitalDocument.ClassFrontier(
            class: "A", itemLocations: 1, annualDemandValue: 600, floor: 0.95,
            current: Point(level: nil, service: 0.98, investment: 100),
            frontier: [Point(level: 0.95, service: 0.95, investment: 80), Point(level: 0.99, service: 0.99, investment: 120)]),
        WorkingCapitalDocument.ClassFrontier(
            class: "B", itemLocations: 1, annualDemandValue: 300, floor: 0.94,
            current: Point(level: nil, service: 0.96, investment: 50),
            frontier: [Point(level: 0.95, service: 0.95, investment: 45), Point(level: 0.99, service: 0.99, investment: 70)]),
        WorkingCapitalDocument.ClassFrontier(
            class: "C", itemLocations: 1, annualDemandValue: 100, floor: 0.9,
            current: Point(level: nil, service: 0.93, investment: 20),
            frontier: [Point(level: 0.95, service: 0.95, investment: 24), Point(level: 0.99, service: 0.99, investment: 40)]),
    ]
    static let today = WorkingCapitalFrontier.combined(classes.map { (weight: $0.annualDemandValue, point: $0.current) })

    /// Every one of the 27 combinations checked by brute force outside Procura (a Python loop over
    /// the same numbers): the highest demand-value weighted service within the target, ties to the
    /// lower investment.
    @Test(
        "a target picks the combination with the most service within it",
        arguments: [
            (150.0, [0.95, nil, nil] as [Double?], 150.0, 0.951),
            (175.0, [nil, nil, 0.95], 174.0, 0.971),
            (190.0, [nil, 0.99, nil], 190.0, 0.978),
            (230.0, [0.99, 0.99, 0.99], 230.0, 0.99),
        ])
    func reachesTarget(target: Double, levels: [Double?], investment: Double, service: Double) {
        #expect(abs(Self.today.investment - 170) < 1e-9 && abs(Self.today.service - 0.969) < 1e-12)
        let plan = WorkingCapitalFrontier.reach(target, classes: Self.classes, current: Self.today, currency: "EUR")
        #expect(plan.feasible)
        #expect(plan.classes.map(\.point.level) == levels)
        #expect(abs(plan.investment - investment) < 1e-9)
        #expect(abs(plan.service - service) < 1e-12)
        #expect(abs(plan.saving - (170 - investment)) < 1e-9)
        #expect(plan.classes.map(\.change) == zip(plan.classes, Self.classes).map { $0.point.investment - $1.current.investment })
    }

    @Test("a target below every combination above the floors is not feasible and names the least reachable")
    func infeasibleTarget() {
        let plan = WorkingCapitalFrontier.reach(100, classes: Self.classes, current: Self.today, currency: "EUR")
        #expect(!plan.feasible)
        #expect(plan.investment == 145 && plan.classes.map(\.point.level) == [0.95, 0.95, nil])
        #expect(
            plan.summary
                == "the target 100 EUR cannot be reached without a class below its floor: the least is 145 with A at 95 % (95 %), B at 95 % (95 %), C at its current targets (93 %)"
        )
        var high = Self.classes
        high[2].floor = 0.995
        let blocked = WorkingCapitalFrontier.reach(1_000, classes: high, current: Self.today, currency: "EUR")
        #expect(!blocked.feasible && blocked.classes.isEmpty)
        #expect(blocked.summary == "no level reaches the floor of class C (floor 99.5 %) — lower the floor or draw higher levels")
    }

    @Test("the request is read field by field; a bad value names its field and what was expected")
    func request() throws {
        let r = try WorkingCapitalRequest(levels: " 0.99, 0.9 ,0.95", floors: "a:0.97, C:0", target: "1250000")
        #expect(r.levels == [0.9, 0.95, 0.99] && r.floors == [.a: 0.97, .c: 0] && r.target == 1_250_000)
        let defaults = try WorkingCapitalRequest(levels: "", floors: nil, target: " ")
        #expect(defaults == WorkingCapitalRequest())
        #expect(
            defaults.defaultFloorLevels(settings: ServiceLevelSettings()) == [.a: 0.97, .b: 0.94, .c: 0.9],
            "the lowest default cell target of each class")
        #expect(r.defaultFloorLevels(settings: ServiceLevelSettings()) == [.b: 0.94], "A and C have their own")
        let bad: [(String?, String?, String?, String)] = [
            ("0.9,1", nil, nil, "levels: '1' is not valid — expected a service level between 0 and 1 (exclusive), e.g. 0.95"),
            ("0.9,,0.95", nil, nil, "levels: '' is not valid — expected a service level between 0 and 1 (exclusive), e.g. 0.95"),
            ("0.9,0.90", nil, nil, "levels: '0.9,0.90' is not valid — expected each level once"),
            (nil, "D:0.9", nil, "floors: 'D:0.9' is not valid — expected CLASS:LEVEL with CLASS one of A, B, C, e.g. A:0.97"),
            (nil, "A:1", nil, "floors: 'A:1' is not valid — expected a floor from 0 to below 1 after the colon, e.g. A:0.97"),
            (nil, "A:0.9,A:0.95", nil, "floors: 'A:0.9,A:0.95' is not valid — expected each class once"),
            (
                nil, nil, "-5",
                "target: '-5' is not valid — expected an inventory investment above 0 and below 10^15, e.g. 1250000"
            ),
            (
                nil, nil, "1e300",
                "target: '1e300' is not valid — expected an inventory investment above 0 and below 10^15, e.g. 1250000"
            ),
            (
                nil, nil, "nan",
                "target: 'nan' is not valid — expected an inventory investment above 0 and below 10^15, e.g. 1250000"
            ),
        ]
        for (levels, floors, target, message) in bad {
            #expect(throws: PolicyError(code: .invalidInput, message: message)) {
                try WorkingCapitalRequest(levels: levels, floors: floors, target: target)
            }
        }
        let many = (1...41).map { "0.\(500 + $0)" }.joined(separator: ",")
        #expect(throws: PolicyError(code: .invalidInput, message: "levels: '41 levels' is not valid — expected at most 40")) {
            try WorkingCapitalRequest(levels: many, floors: nil, target: nil)
        }
    }

    /// Twelve items at one location with different demand values (so the ABC ranking gives each
    /// class members), every ABC-XYZ cell's target set to 0.95.
    static func snapshot() -> Snapshot {
        var settings = PlanningSettings()
        for cell in settings.serviceLevels.byCell.keys { settings.serviceLevels.byCell[cell] = 0.95 }
        var b = SnapshotBuilder(settings: settings)
        b.location("L1")
        b.supplier("SUP")
        for k in 1...12 {
            let id = "P\(k)"
            b.item(id, cost: Double(k * k), category: "parts")
            b.source(id, at: "L1", from: "SUP", leadTime: Double(7 + k))
            b.demand(id, at: "L1", (0..<52).map { Double(10 + k + ($0 * k) % 7) })
        }
        return b.build()
    }

    @Test(
        "on a plan: today's point is Σ average inventory × unit cost; at today's own level the frontier meets it; investment rises with service"
    )
    func onPlan() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init())
        let d = WorkingCapitalFrontier.run(snapshot: snapshot, plan: plan, request: WorkingCapitalRequest(target: 1))
        #expect(Set(d.classes.map(\.class)) == ["A", "B", "C"])
        #expect(d.classes.reduce(0) { $0 + $1.itemLocations } == 12)
        for c in d.classes {
            let rows = plan.rows.filter { $0.policy.input.abc.rawValue == c.class }
            let expected = rows.reduce(0) { $0 + $1.policy.averageInventoryValue }
            #expect(abs(c.current.investment - expected) < 1e-6 * max(1, expected), "\(c.class)")
            #expect(abs(c.floor - c.current.service) < 1e-12, "every cell at 0.95: the default floor is today's service")
            let at95 = try #require(c.frontier.first { $0.level == 0.95 })
            #expect(abs(at95.investment - c.current.investment) < 1e-6 * max(1, expected), "\(c.class)")
            #expect(abs(at95.service - c.current.service) < 1e-12)
            for (lower, higher) in zip(c.frontier, c.frontier.dropFirst()) {
                #expect(higher.investment >= lower.investment - 1e-9 && higher.service >= lower.service, "\(c.class)")
            }
            #expect(c.frontier.last!.service > c.frontier.first!.service)
        }
        #expect(abs(d.current.investment - d.classes.reduce(0) { $0 + $1.current.investment }) < 1e-6)
        let target = try #require(d.target)
        #expect(!target.feasible, "a target of 1 is below any inventory")
        #expect(target.classes.allSatisfy { $0.point.service >= 0.95 - 1e-12 })
    }
}
