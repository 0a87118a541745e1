import Foundation
import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("NPV hold vs dispose (npv_hold_vs_dispose.json)")
struct HoldOrDisposeTests {
    static func base(demand: Double = 0.5, timing: HoldOrDisposeInput.Timing = .end) -> HoldOrDisposeInput {
        HoldOrDisposeInput(
            unitsOnHand: 4, unitBookValue: 12000, salvageNowPerUnit: 3000, salvageEndPerUnit: 1000, holdingCostRate: 0.06,
            discountRate: 0.08, demandRatePerYear: demand, emergencyCostPerUnit: 30000, horizonYears: 5, timing: timing)
    }

    @Test("every reference case: yearly flows, NPVs, decision, break-even demand rate")
    func referenceCases() throws {
        let file = try ReferenceFile("npv_hold_vs_dispose.json")
        let cases = file.cases.map(ReferenceCase.init)
        #expect(cases.count >= 11)
        for c in cases {
            try CaseFile.expectMatches(
                try HoldOrDispose.analyse(try CaseFile.input(c, as: HoldOrDisposeInput.self)), c, file: file)
        }
    }

    @Test("at the break-even demand rate the two options are worth the same")
    func breakEven() throws {
        let result = try HoldOrDispose.analyse(Self.base())
        let atBreakEven = try HoldOrDispose.analyse(Self.base(demand: result.breakEvenDemandRate))
        expectClose(atBreakEven.npvDifferenceHoldMinusDispose, 0, relative: 0, absolute: 1e-6, "difference at λ*")
        #expect(try HoldOrDispose.analyse(Self.base(demand: result.breakEvenDemandRate * 0.99)).decision == .dispose)
        #expect(try HoldOrDispose.analyse(Self.base(demand: result.breakEvenDemandRate * 1.01)).decision == .hold)
    }

    @Test("second method: with one unit, M(μ) = 1 − e^−μ, and the NPV by the closed form")
    func oneUnitClosedForm() throws {
        var input = Self.base(demand: 0.3)
        input.unitsOnHand = 1
        let result = try HoldOrDispose.analyse(input)
        var npv = 0.0
        for y in 1...5 {
            let onHand: Double = exp(-0.3 * Double(y - 1))
            let served: Double = onHand - exp(-0.3 * Double(y))
            let net: Double = 30000 * served - 0.06 * 12000 * onHand
            npv += net / pow(1.08, Double(y))
        }
        npv += 1000 * exp(-1.5) / pow(1.08, 5)
        expectClose(result.npvHold, npv, relative: 1e-12, "NPV(hold)")
    }

    @Test(
        "second method: units served in the first year, M(λ) by the loss functions, equals Σ_{k<N} P(X > k)",
        arguments: [(1, 0.3), (4, 0.02), (4, 6.0), (3, 18.0), (40, 1.5), (40, 39.5), (40, 200.0), (400, 390.0)])
    func servedBySum(units: Int, lambda: Double) throws {
        var input = Self.base(demand: lambda)
        input.unitsOnHand = units
        input.horizonYears = 1
        let served = try #require(try HoldOrDispose.analyse(input).expectedUnitsServedByYear.first)
        let poisson = try PoissonDistribution(mean: lambda)
        let sum = (0..<units).reduce(0.0) { $0 + poisson.survival($1) }
        expectClose(served, sum, relative: 1e-13, absolute: 1e-15, "N \(units), λ \(lambda)")
    }

    @Test("the sensitivity table repeats the comparison at r ± 2 % and ± 4 %; a higher rate favours selling now")
    func sensitivity() throws {
        let result = try HoldOrDispose.analyse(Self.base())
        #expect(result.discountRateSensitivity.map(\.discountRate) == [0.08 - 0.04, 0.08 - 0.02, 0.08, 0.08 + 0.02, 0.08 + 0.04])
        let atR = try #require(result.discountRateSensitivity.first { $0.discountRate == 0.08 })
        #expect(atR.npvHold == result.npvHold)
        let differences = result.discountRateSensitivity.map(\.npvDifferenceHoldMinusDispose)
        #expect(zip(differences, differences.dropFirst()).allSatisfy { $0 > $1 })
        var given = Self.base()
        given.sensitivityDiscountRates = [0, 0.5]
        #expect(try HoldOrDispose.analyse(given).discountRateSensitivity.map(\.discountRate) == [0, 0.5])
    }

    @Test("no break-even below a million a year gives null")
    func noBreakEven() throws {
        var input = Self.base()
        input.emergencyCostPerUnit = 0
        input.salvageNowPerUnit = 10000
        #expect(try HoldOrDispose.analyse(input).breakEvenDemandRate.isNaN)
    }

    @Test("bad input is refused with the field named")
    func refusals() throws {
        var input = Self.base()
        input.horizonYears = 0
        // schemathesis: a book value near 1e308 answered 200 with "inf" for the book value and write-off.
        var huge = try JSONValueDecoder().decode(
            HoldOrDisposeInput.self,
            from: try JSONValue.parse(
                #"{"timing": "end", "unit_book_value": 8.029985854145945e+307, "holding_cost_rate": 1.1754943508222875e-38, "units_on_hand": 180.0, "horizon_years": 16.0, "salvage_end_per_unit": 2.220446049250313e-16, "discount_rate": 1.401298464324817e-45, "emergency_cost_per_unit": 3.3866198519070852e+16, "salvage_now_per_unit": 0.0, "demand_rate_per_year": 6.103515625e-05}"#
            ))
        expectPolicyError(
            "book_value_total = N·B is inf for these inputs — beyond the range of a double (±1.8e308); expected inputs of smaller magnitude"
        ) { _ = try HoldOrDispose.analyse(huge) }
        huge.unitBookValue = 1e300
        huge.holdingCostRate = 1e10
        expectPolicyError(
            "holding_cost_by_year[0] = h·B·on_hand_start_y is inf for these inputs — beyond the range of a double (±1.8e308); expected inputs of smaller magnitude"
        ) { _ = try HoldOrDispose.analyse(huge) }
        expectPolicyError("horizon_years must be a whole number of years from 1 to 100, got 0.0") {
            _ = try HoldOrDispose.analyse(input)
        }
        input = Self.base(demand: -1)
        expectPolicyError("demand_rate_per_year must be ≥ 0, got -1.0") { _ = try HoldOrDispose.analyse(input) }
        input = Self.base()
        input.unitsOnHand = -2
        expectPolicyError("units_on_hand must be a whole number ≥ 0, got -2.0") { _ = try HoldOrDispose.analyse(input) }
        input = Self.base()
        input.sensitivityDiscountRates = [0.1, -0.1]
        expectPolicyError("sensitivity_discount_rates[1] must be ≥ 0, got -0.1") { _ = try HoldOrDispose.analyse(input) }
    }
}
