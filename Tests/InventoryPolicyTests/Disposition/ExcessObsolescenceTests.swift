import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Excess and obsolescence (excess_obsolescence.json)")
struct ExcessObsolescenceTests {
    @Test("every reference case: ages, buckets, excess from the oldest layers, obsolete flag, provision")
    func referenceCases() throws {
        let file = try ReferenceFile("excess_obsolescence.json")
        let cases = file.cases.map(ReferenceCase.init)
        #expect(cases.count >= 10)
        for c in cases {
            let result = try ExcessObsolescence.evaluate(try CaseFile.input(c, as: ExcessObsolescenceInput.self))
            try CaseFile.expectMatches(result, c, file: file)
            #expect(result.layers.map(\.layer) == Array(result.layers.indices), "\(c.id): layers in input order")
        }
    }

    @Test("the default buckets; a layer received on the as-of day is 0 days old; equal dates give excess in input order")
    func defaultsAndTies() throws {
        let input = ExcessObsolescenceInput(
            asOfDate: "2025-06-30",
            layers: [
                .init(receiptDate: "2025-06-30", qty: 5, unitCost: 2), .init(receiptDate: "2024-06-30", qty: 3, unitCost: 4),
                .init(receiptDate: "2024-06-30", qty: 3, unitCost: 6),
            ],
            monthlyForecast: [2, 2, 2], coverageMonths: 3, excessProvisionRate: 0.4, demandHistoryMonths: [1, 0],
            obsoleteAfterMonthsWithoutDemand: 3, obsoleteProvisionRate: 1)
        let result = try ExcessObsolescence.evaluate(input)
        #expect(result.layers.map(\.ageDays) == [0, 365, 365])
        #expect(result.layers.map(\.bucket) == [0, 1, 1])
        #expect(result.excessQty == 5)
        #expect(result.layers.map(\.excessQty) == [0, 3, 2], "oldest first; of two equally old layers the first listed")
        #expect(!result.obsolete, "a history shorter than N is never obsolete")
        // 3·4·0.4 + 2·6·0.4 + 1·6·0.25 = 4.8 + 4.8 + 1.5
        expectClose(result.provisionValue, 11.1, relative: 1e-12, "provision")
    }

    @Test("bad input is refused with the field named")
    func refusals() {
        func input(
            asOf: String = "2025-01-31", receipt: String = "2024-12-01", qty: Double = 1, coverage: Int = 1,
            buckets: [ExcessObsolescenceInput.AgeBucket]? = nil, excessRate: Double = 0.5, obsoleteAfter: Int = 6
        ) -> ExcessObsolescenceInput {
            .init(
                asOfDate: asOf, layers: [.init(receiptDate: receipt, qty: qty, unitCost: 1)], monthlyForecast: [1, 1],
                coverageMonths: coverage, ageBuckets: buckets, excessProvisionRate: excessRate, demandHistoryMonths: [1],
                obsoleteAfterMonthsWithoutDemand: obsoleteAfter, obsoleteProvisionRate: 1)
        }
        expectPolicyError("as_of_date must be a date YYYY-MM-DD, got '2025-02-30'") {
            _ = try ExcessObsolescence.evaluate(input(asOf: "2025-02-30"))
        }
        expectPolicyError("layers[0].receipt_date 2025-03-01 is after as_of_date 2025-01-31") {
            _ = try ExcessObsolescence.evaluate(input(receipt: "2025-03-01"))
        }
        expectPolicyError("layers[0].qty must be ≥ 0, got -1.0") { _ = try ExcessObsolescence.evaluate(input(qty: -1)) }
        expectPolicyError("coverage_months must be a whole number from 0 to the 2 months of monthly_forecast, got 3") {
            _ = try ExcessObsolescence.evaluate(input(coverage: 3))
        }
        expectPolicyError("excess_provision_rate must be a rate from 0 to 1, got 1.5") {
            _ = try ExcessObsolescence.evaluate(input(excessRate: 1.5))
        }
        expectPolicyError("obsolete_after_months_without_demand must be a whole number ≥ 1, got 0") {
            _ = try ExcessObsolescence.evaluate(input(obsoleteAfter: 0))
        }
        expectPolicyError("age_buckets[1] overlaps age_buckets[0] — give the buckets youngest first, without overlap") {
            _ = try ExcessObsolescence.evaluate(
                input(buckets: [.init(minDays: 0, maxDays: 100, rate: 0), .init(minDays: 90, maxDays: nil, rate: 1)]))
        }
        expectPolicyError(
            "layers[0] is 61 days old and no age bucket holds that age — the buckets must cover every age from 0"
        ) {
            _ = try ExcessObsolescence.evaluate(input(buckets: [.init(minDays: 0, maxDays: 30, rate: 0)]))
        }
    }
}
