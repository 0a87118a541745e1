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

    /// The lot-size rule of the kernel written plainly (Foundation's rounding), for rows of any magnitude.
    static func plainQuantity(d: Double, k: Double, h: Double, moq: Double, multiple: Double, periodsPerYear: Double) -> Double {
        let annual = d * periodsPerYear
        let raised = max((2 * k * annual / h).squareRoot(), moq)
        let step = multiple > 0 ? multiple : 1
        let minimum = (max(moq, step) / step).rounded(.up) * step
        let down = max((raised / step).rounded(.down) * step, minimum)
        let up = max((raised / step).rounded(.up) * step, minimum)
        return k * annual / up + h * up / 2 < k * annual / down + h * down / 2 ? up : down
    }

    @Test(
        "a block with lot sizes beyond 2⁵¹ units takes the exact path; every row as the plain rule, halves and whole multiples included"
    )
    func extremeRows() async {
        var columns = Self.columns(1_200)
        // Row 3: an MOQ beyond 2⁵¹; row 700: a tiny holding cost makes the EOQ huge; row 900: EOQ exactly
        // on a multiple (d = 365/2 per year·2K/h = 144 → Q* = 12 with multiple 6); row 901: Q* = 12.5.
        columns.moq[3] = 3e17
        columns.holdingCost[700] = 1e-30
        for (row, orderCost) in [(900, 144.0), (901, 156.25)] {
            columns.demand[row] = 2 / columns.periodsPerYear
            columns.orderCost[row] = orderCost
            columns.holdingCost[row] = 4
            columns.moq[row] = 0
            columns.multiple[row] = row == 900 ? 6 : 0
        }
        let out = await PolicyBatch.continuousReview(columns, chunks: 2)
        for i in 0..<columns.count {
            let plain = Self.plainQuantity(
                d: columns.demand[i], k: columns.orderCost[i], h: columns.holdingCost[i], moq: columns.moq[i],
                multiple: columns.multiple[i], periodsPerYear: columns.periodsPerYear)
            #expect(out.orderQuantity[i] == plain, "row \(i): \(out.orderQuantity[i]) against \(plain)")
        }
        #expect(out.orderQuantity[3] == 3e17)
        #expect(out.orderQuantity[900] == 12)
        #expect(out.orderQuantity[901] == 12 || out.orderQuantity[901] == 13)
    }
}
