import InventoryCore
import InventoryPolicy
import Testing

@Suite("Net requirements: time-phased netting, lot sizing, split and lead-time offset")
struct NetRequirementsTests {
    static let asOf = Day(year: 2026, month: 1, day: 5)!  // a Monday

    /// A supplier with its catalog terms (purchase unit = base unit).
    static func source(
        _ id: String, role: SourceAllocation.Role = .primary, weight: Double, leadTime: Double, moq: Double = 0,
        multiple: Double = 0, price: Double = 2, unitsPerPurchaseUnit: Double = 1
    ) -> RequirementSource {
        let rule = SourcingRule(
            item: 0, location: 0, supplier: 0, purchaseUOM: unitsPerPurchaseUnit == 1 ? "EA" : "BOX",
            unitsPerPurchaseUOM: unitsPerPurchaseUnit, leadTimeDays: leadTime, moq: moq, orderMultiple: multiple,
            unitPrice: price, share: weight)
        return RequirementSource(
            supplierID: id, role: role, weight: weight, leadTimeDays: leadTime, unitsPerPurchaseUnit: unitsPerPurchaseUnit,
            purchaseUOM: rule.purchaseUOM,
            terms: LotSizeTerms(annualDemand: 2_600, orderCost: 50, holdingCostRate: 0.25, rule: rule, freight: nil))
    }

    static func weeks(_ count: Int) -> [Day] { (0...count).map { asOf.adding(days: 7 * $0) } }

    /// The hand-checked table (docs/procurement.md, "A worked example"): on hand 120, 20 allocated,
    /// 10 in transit arriving in week 1, an open order of 50 due in week 2, safety stock 30, Q = 100,
    /// split 60 % S1 (10 days, multiple 25) / 40 % S2 (3 days, MOQ 50).
    static let example = NetRequirementInput(
        asOf: asOf, bucketStarts: weeks(6), grossRequirements: [40, 40, 50, 30, 60, 40],
        scheduledReceipts: [0, 50, 0, 0, 0, 0], transfersInTransit: [10, 0, 0, 0, 0, 0], onHand: 120, allocated: 20,
        safetyStock: 30, orderQuantity: 100,
        sources: [
            source("S1", weight: 0.6, leadTime: 10, multiple: 25), source("S2", role: .split, weight: 0.4, leadTime: 3, moq: 50),
        ])

    @Test("hand-checked table: every bucket's P, NR, POR and PAB")
    func handChecked() {
        let result = NetRequirements(Self.example)
        #expect(result.availableAtStart == 100)  // 120 − 20
        // t  G   SR  TR  P = PAB + SR + TR − G   NR = SS − P   POR        PAB
        // 1  40   0  10  100 + 0 + 10 − 40 = 70    0            0          70
        // 2  40  50   0   70 + 50 − 40   = 80      0            0          80
        // 3  50   0   0   80 − 50        = 30      0 (= SS)     0          30
        // 4  30   0   0   30 − 30        =  0     30           75 + 50    125
        // 5  60   0   0  125 − 60        = 65      0            0          65
        // 6  40   0   0   65 − 40        = 25      5           75 + 50    150
        #expect(result.buckets.map(\.projectedBeforePlanning) == [70, 80, 30, 0, 65, 25])
        #expect(result.buckets.map(\.netRequirement) == [0, 0, 0, 30, 0, 5])
        #expect(result.buckets.map(\.plannedReceipts) == [0, 0, 0, 125, 0, 125])
        #expect(result.buckets.map(\.projectedAvailable) == [70, 80, 30, 125, 65, 150])
        #expect(result.buckets.map(\.start) == Self.weeks(6).dropLast().map { $0 })
        // lot = max(NR, Q) = 100; S1: 60 → multiple of 25 = 75; S2: 40 → MOQ 50.
        let orders = result.plannedOrders
        #expect(orders.map(\.bucket) == [3, 3, 5, 5])
        #expect(orders.map(\.source) == [0, 1, 0, 1])
        #expect(orders.map(\.purchaseQuantity) == [75, 50, 75, 50])
        #expect(orders.map(\.quantity) == [75, 50, 75, 50])
        #expect(orders.map(\.netRequirement) == [18, 12, 3, 2])
        // Due on the bucket's Monday; released ⌈L⌉ days before.
        #expect(orders.map(\.dueDate.description) == ["2026-01-26", "2026-01-26", "2026-02-09", "2026-02-09"])
        #expect(orders.map(\.releaseDate.description) == ["2026-01-16", "2026-01-23", "2026-01-30", "2026-02-06"])
        #expect(orders.allSatisfy { $0.daysLate(asOf: Self.asOf) == 0 })
    }

    @Test("explained step by step: start, net requirement, lot and each supplier's order")
    func explanation() {
        let x = NetRequirements(Self.example).explanation
        #expect(x.summary == "4 planned orders, 250 base units over 6 buckets; first due 2026-01-26, released 2026-01-16")
        #expect(x.steps.count == 1 + 2 * (3 + 2))
        #expect(x.steps[0].numbers == "120 + 0 − 20" && x.steps[0].result == "100")
        #expect(x.steps[1].name == "bucket 4 (2026-01-26) projected balance")
        #expect(x.steps[1].numbers == "30 + 0 + 0 − 30" && x.steps[1].result == "0")
        #expect(x.steps[2].formula == "NR = SS − P" && x.steps[2].numbers == "30 − 0" && x.steps[2].result == "30")
        #expect(x.steps[3].numbers == "max(30, 100)" && x.steps[3].result == "100")
        #expect(
            x.steps[4].numbers == "feasible(60 % · 100 ÷ 1; MOQ 0, multiple 25); 2026-01-26 − 10 days"
                && x.steps[4].result == "75 EA due 2026-01-26, release 2026-01-16")
        #expect(x.steps[6].name == "bucket 6 (2026-02-09) projected balance" && x.steps[6].numbers == "65 + 0 + 0 − 40")
        #expect(x.text.hasPrefix("4 planned orders"))
    }

    @Test("a shortage in the first bucket is released late; purchase units convert")
    func late() {
        let input = NetRequirementInput(
            asOf: Self.asOf, bucketStarts: Self.weeks(2), grossRequirements: [30, 10], scheduledReceipts: [0, 0],
            transfersInTransit: [0, 0], onHand: 10, safetyStock: 5, orderQuantity: 0,
            sources: [Self.source("S1", weight: 1, leadTime: 8.5, unitsPerPurchaseUnit: 12)])
        let result = NetRequirements(input)
        // P₁ = 10 − 30 = −20, NR = 25 → 25 ÷ 12 = 2.08 → 3 boxes = 36 EA; PAB 16. P₂ = 16 − 10 = 6 ≥ 5.
        #expect(result.buckets.map(\.netRequirement) == [25, 0])
        #expect(result.buckets.map(\.projectedAvailable) == [16, 6])
        let order = result.plannedOrders[0]
        #expect(order.purchaseQuantity == 3 && order.quantity == 36)
        #expect(order.releaseDate.description == "2025-12-27" && order.daysLate(asOf: Self.asOf) == 9)
    }

    @Test("overflow suppliers get nothing; supplier-owned stock counts when given")
    func overflowAndSupplierOwned() {
        var input = NetRequirementInput(
            asOf: Self.asOf, bucketStarts: Self.weeks(1), grossRequirements: [50], scheduledReceipts: [0],
            transfersInTransit: [0], onHand: 20, safetyStock: 10, orderQuantity: 30,
            sources: [
                Self.source("S1", weight: 1, leadTime: 7), Self.source("S9", role: .overflow, weight: 0, leadTime: 2),
            ])
        #expect(NetRequirements(input).plannedOrders.map(\.source) == [0])
        #expect(NetRequirements(input).plannedOrders.map(\.quantity) == [40])  // NR 40 > Q 30
        input.supplierOwnedOnHand = 40
        #expect(NetRequirements(input).plannedOrders.isEmpty)  // 60 − 50 = 10 = SS
    }
}
