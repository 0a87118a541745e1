import InventoryCore
import InventoryPolicy
import Testing

@Suite("Service-level targets and procurement strategies")
struct ServiceLevelAndStrategyTests {
    let settings = ServiceLevelSettings()

    @Test("cell targets: AX 99 %, CZ 90 %")
    func cells() {
        #expect(
            ServiceLevelTarget(cell: ABCXYZCell(.a, .x), criticality: .essential, lifecycle: .active, settings: settings).value
                == 0.99)
        #expect(
            ServiceLevelTarget(cell: ABCXYZCell(.c, .z), criticality: .essential, lifecycle: .active, settings: settings).value
                == 0.90)
    }

    @Test("vital never below 98 %, desirable capped, phase-out capped, obsolete zero")
    func adjustments() {
        let vital = ServiceLevelTarget(cell: ABCXYZCell(.c, .z), criticality: .vital, lifecycle: .active, settings: settings)
        #expect(vital.value == 0.98)
        #expect(vital.reason == "CZ target 0.9; vital: raised to floor 0.98")
        #expect(
            ServiceLevelTarget(cell: ABCXYZCell(.a, .x), criticality: .desirable, lifecycle: .active, settings: settings).value
                == 0.95)
        #expect(
            ServiceLevelTarget(cell: ABCXYZCell(.a, .x), criticality: .vital, lifecycle: .phaseOut, settings: settings).value
                == 0.90)
        #expect(
            ServiceLevelTarget(cell: ABCXYZCell(.a, .x), criticality: .vital, lifecycle: .obsolete, settings: settings).value == 0
        )
    }

    @Test("strategy: agreement and lifecycle win over the cell mapping")
    func strategies() {
        let map = StrategySettings()
        #expect(
            StrategyChoice(cell: ABCXYZCell(.a, .x), lifecycle: .active, agreement: .owned, settings: map).strategy == .jitKanban)
        #expect(
            StrategyChoice(cell: ABCXYZCell(.c, .y), lifecycle: .active, agreement: nil, settings: map).strategy
                == .speculativeBuy)
        #expect(StrategyChoice(cell: ABCXYZCell(.a, .x), lifecycle: .active, agreement: .vmi, settings: map).strategy == .vmi)
        #expect(
            StrategyChoice(cell: ABCXYZCell(.b, .z), lifecycle: .active, agreement: .consignment, settings: map).strategy
                == .consignment)
        #expect(
            StrategyChoice(cell: ABCXYZCell(.a, .x), lifecycle: .obsolete, agreement: .vmi, settings: map).strategy
                == .noReplenishment)
        #expect(
            StrategyChoice(cell: ABCXYZCell(.a, .x), lifecycle: .phaseOut, agreement: nil, settings: map).strategy == .buyToOrder)
    }
}

@Suite("Kraljic supplier segmentation")
struct SupplierSegmentationTests {
    @Test("spend × risk gives the four segments")
    func quadrants() {
        typealias Line = SupplierSegmentation.SupplyLine
        let lines = [
            // share before each supplier 0, 0.5 (< 0.80: high), 0.8, 0.9
            // supplier 0: big spend, single source, long lead → strategic
            Line(supplier: 0, annualSpend: 500, leadTimeDays: 90, leadTimeSDDays: 45, isSingleSource: true),
            // supplier 1: big spend, dual source, short steady lead → leverage
            Line(supplier: 1, annualSpend: 300, leadTimeDays: 5, leadTimeSDDays: 0, isSingleSource: false),
            // supplier 2: small spend, single source, long and variable lead → bottleneck
            Line(supplier: 2, annualSpend: 100, leadTimeDays: 70, leadTimeSDDays: 40, isSingleSource: true),
            // supplier 3: small spend, dual source, short lead → non-critical
            Line(supplier: 3, annualSpend: 100, leadTimeDays: 3, leadTimeSDDays: 1, isSingleSource: false),
        ]
        let results = SupplierSegmentation.segment(lines: lines, supplierCount: 5, settings: .init())
        #expect(results.map(\.segment) == [.strategic, .leverage, .bottleneck, .nonCritical, .nonCritical])
        #expect(abs(results[0].riskScore - 1.0) < 1e-12)
        #expect(abs(results[1].spendShare - 0.3) < 1e-12)
        #expect(results[4].lines == 0)
    }
}
