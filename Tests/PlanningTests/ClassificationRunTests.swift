import InventoryCore
import Planning
import ProcuraTestSupport
import Testing

@Suite("Classification run on a snapshot")
struct ClassificationRunTests {
    /// Four items at one location over 52 weeks: a steady high-value item, an erratic one, an
    /// intermittent cheap one and one without demand.
    static func company() -> SnapshotBuilder {
        var b = SnapshotBuilder()
        b.location("L1")
        b.item("STEADY", cost: 100, criticality: .vital)
        b.item("ERRATIC", cost: 10)
        b.item("SPORADIC", cost: 1, criticality: .desirable)
        b.item("NONE", cost: 5)
        b.demand("STEADY", at: "L1", (0..<52).map { $0 % 2 == 0 ? 90 : 110 })
        b.demand("ERRATIC", at: "L1", (0..<52).map { $0 % 4 == 0 ? 200 : 10 })
        b.demand("SPORADIC", at: "L1", (0..<52).map { $0 % 4 == 0 ? 20 : 0 })
        b.demand("NONE", at: "L1", [Double](repeating: 0, count: 52))
        for k in 1...4 {  // fillers, so that no single item holds 80 % of the value
            b.item("FILLER\(k)", cost: 50)
            b.demand("FILLER\(k)", at: "L1", [Double](repeating: 100, count: 52))
        }
        return b
    }

    @Test("classes, numbers and targets per item-location")
    func basic() async throws {
        let report = await ClassificationRun.run(snapshot: Self.company().build())
        #expect(report.rows.count == 8)
        #expect(report.windowBuckets == 52)
        let steady = report.rows[0]
        let yearFactor = (365.25 / 7) / 52
        expectClose(steady.annualQuantity, 5_200 * yearFactor, relative: 1e-12, "annual quantity")
        expectClose(steady.annualValue, 520_000 * yearFactor, relative: 1e-12, "annual value")
        expectClose(steady.cv, 0.1, relative: 1e-12, "CV")
        #expect(steady.abc == .a && steady.xyz == .x && steady.pattern == .smooth)
        #expect(steady.serviceLevel == 0.99)
        #expect(steady.strategy == .jitKanban)
        #expect(steady.rank == 1)

        let erratic = report.rows[1]
        // 13 × 200 + 39 × 10 = 2990 units, value 29,900: after the item and the four fillers
        #expect(erratic.rank == 6)
        expectClose(erratic.annualValue, 29_900 * yearFactor, relative: 1e-12, "annual value")
        #expect(erratic.xyz == .z)
        #expect(erratic.pattern == .erratic)

        let sporadic = report.rows[2]
        expectClose(sporadic.adi, 4, relative: 1e-12, "ADI")
        #expect(sporadic.cv2 == 0)
        #expect(sporadic.pattern == .intermittent)
        #expect(sporadic.abc == .c)
        #expect(sporadic.serviceLevel == 0.90)

        let none = report.rows[3]
        #expect(none.pattern == .noDemand && none.xyz == .z && none.abc == .c)
        #expect(none.flags.contains("no_demand"))
        #expect(none.cv == .infinity)

        #expect(report.summary.itemLocations == 8)
        #expect(report.summary.cells.first { $0.cell == ABCXYZCell(.a, .x) }?.count == 3)  // STEADY and two fillers
        expectClose(report.summary.totalAnnualValue, report.rows.map(\.annualValue).reduce(0, +), relative: 1e-12)
    }

    @Test("a new item is measured from its first demand and flagged")
    func newItem() async throws {
        var b = Self.company()
        b.item("NEWBIE", cost: 100)
        b.demand("NEWBIE", at: "L1", [Double](repeating: 0, count: 44) + [Double](repeating: 50, count: 8))
        let report = await ClassificationRun.run(snapshot: b.build())
        let row = try #require(report.rows.last)
        #expect(row.periods == 8)
        #expect(row.flags.contains("new"))
        #expect(row.cv == 0 && row.xyz == .x)
        expectClose(row.annualQuantity, 50 * 365.25 / 7, relative: 1e-12, "annualised from 8 weeks")
    }

    @Test("an item whose demand stopped half a year ago is flagged dying")
    func dying() async throws {
        var b = Self.company()
        b.item("FADING", cost: 3)
        b.demand("FADING", at: "L1", [Double](repeating: 5, count: 20) + [Double](repeating: 0, count: 32))
        let report = await ClassificationRun.run(snapshot: b.build())
        #expect(report.rows.last?.flags == ["dying"])
        #expect(report.rows[0].flags.isEmpty)
    }

    @Test("re-classification lists moves and held changes with their numbers")
    func previous() async throws {
        var previous = PreviousClassification()
        previous.set(.init(abc: .b, xyz: .x, pattern: .smooth), item: "STEADY", location: "L1")  // B → A: moved
        previous.set(.init(abc: .c, xyz: .z, pattern: .lumpy), item: "SPORADIC", location: "L1")  // lumpy held/moved
        let report = await ClassificationRun.run(snapshot: Self.company().build(), previous: previous)
        #expect(report.comparedWithPrevious)
        let abcMove = try #require(report.moves.first { $0.row == 0 && $0.dimension == .abc })
        #expect(abcMove.kind == .moved && abcMove.from == "B" && abcMove.to == "A")
        #expect(abcMove.reason.hasPrefix("cumulative share 0."))
        #expect(abcMove.reason.hasSuffix("≤ 0.8 − 0.03"))
        let patternMove = try #require(report.moves.first { $0.row == 2 && $0.dimension == .pattern })
        #expect(patternMove.kind == .moved && patternMove.from == "lumpy" && patternMove.to == "intermittent")
        #expect(report.moves.allSatisfy { $0.row == 0 || $0.row == 2 })
    }

    @Test("ABC per location ranks each location on its own")
    func perLocation() async throws {
        var b = SnapshotBuilder()
        b.settings.classification.abcScope = .location
        b.settings.classification.abcCrossingItem = .upper  // a location's only item is A
        b.location("BIG")
        b.location("SMALL")
        b.item("X1", cost: 1)
        b.demand("X1", at: "BIG", [Double](repeating: 1000, count: 52))
        b.demand("X1", at: "SMALL", [Double](repeating: 1, count: 52))
        let report = await ClassificationRun.run(snapshot: b.build())
        #expect(report.rows.map(\.abc) == [.a, .a])
        #expect(report.rows.map(\.rank) == [1, 1])
    }

    @Test("suppliers are segmented from the sourcing catalog")
    func suppliers() async throws {
        var b = Self.company()
        b.supplier("S-BIG")
        b.supplier("S-DUAL-A")
        b.supplier("S-DUAL-B")
        b.source("STEADY", at: "L1", from: "S-BIG", leadTime: 90, leadTimeSD: 45)
        b.source("ERRATIC", at: "L1", from: "S-DUAL-A", leadTime: 5, share: 0.5)
        b.source("ERRATIC", at: "L1", from: "S-DUAL-B", leadTime: 5, share: 0.5)
        b.source("SPORADIC", at: "L1", from: "S-DUAL-B", leadTime: 5, ownership: .vmi)
        let report = await ClassificationRun.run(snapshot: b.build())
        #expect(report.suppliers.map(\.segment) == [.strategic, .nonCritical, .nonCritical])
        #expect(report.rows[2].strategy == .vmi)
        expectClose(report.suppliers[0].singleSourceShare, 1, relative: 0)
        #expect(report.suppliers[1].singleSourceShare == 0)
    }
}
