import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Policy batch kernel")
struct EngineBatchTests {
    /// A small deterministic set of rows (a linear congruential sequence, no global state).
    static func columns(_ n: Int) -> PolicyBatch.Columns {
        var state: UInt64 = 12_345
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var c = PolicyBatch.Columns(
            demand: [], demandSD: [], leadTime: [], leadTimeSD: [], orderCost: [], holdingCost: [], serviceLevel: [], moq: [],
            multiple: [], periodsPerYear: 365.25)
        for _ in 0..<n {
            let d = 0.2 + 200 * next()
            c.demand.append(d)
            c.demandSD.append(d * (0.1 + 1.4 * next()))
            let l = 1 + 44 * next()
            c.leadTime.append(l)
            c.leadTimeSD.append(l * 0.4 * next())
            c.orderCost.append(10 + 240 * next())
            c.holdingCost.append((0.5 + 499.5 * next()) * 0.25)
            c.serviceLevel.append([0.9, 0.95, 0.99][Int(3 * next())])
            c.moq.append([0, 50, 500][Int(3 * next())])
            c.multiple.append([0, 6, 24][Int(3 * next())])
        }
        return c
    }

    @Test("the kernel gives the engine's numbers (normal CSL, lot-size steps 1–3) and the same for any chunk count")
    func matchesEngine() async {
        let columns = Self.columns(500)
        let one = await PolicyBatch.continuousReview(columns, chunks: 1)
        let seven = await PolicyBatch.continuousReview(columns, chunks: 7)
        #expect(one.safetyStock.count == 500)
        #expect(one.safetyStock.elementsEqual(seven.safetyStock) && one.reorderPoint.elementsEqual(seven.reorderPoint))
        #expect(Array(one.orderQuantity) == Array(seven.orderQuantity))
        let engine = EngineFixtures.dailyEngine { $0.maxSafetyStockDays = nil }
        for i in stride(from: 0, to: 500, by: 7) {
            let input = EngineFixtures.input(
                demand: columns.demand[i], sd: columns.demandSD[i], serviceLevel: columns.serviceLevel[i],
                sources: [
                    EngineFixtures.source(
                        leadTime: columns.leadTime[i], leadTimeSD: columns.leadTimeSD[i], price: columns.holdingCost[i] / 0.25,
                        moq: columns.moq[i], multiple: columns.multiple[i])
                ], unitCost: columns.holdingCost[i] / 0.25, orderCost: columns.orderCost[i])
            let result = engine.compute(input)
            expectClose(one.safetyStock[i], result.final.safetyStock, relative: 1e-12, "SS row \(i)")
            expectClose(one.reorderPoint[i], result.final.reorderPoint, relative: 1e-12, "s row \(i)")
            #expect(one.orderQuantity[i] == result.final.orderQuantity, "Q row \(i)")
        }
    }
}
