import InventoryPolicy
import Testing

@Suite("Disposition options: net values by hand")
struct DispositionValuationTests {
    /// 10 units at 25.00; fee 15 %; recovery 12.50 a unit; transfer 40.00; scrap 30.00.
    ///   return   = 10 × 25 − 0.15 × 250 = 250 − 37.50 = 212.50
    ///   sell     = 10 × 12.50           = 125.00
    ///   transfer = 10 × 25 − 40         = 210.00
    ///   scrap    = −30.00
    static let input = DispositionValuation.Input(
        quantity: 10, unitCost: 25, restockingFeeRate: 0.15, recoveryPerUnit: 12.5, transferCost: 40, scrapCost: 30)

    @Test("10 × 25.00: return 212.50, sell 125.00, transfer 210.00, scrap −30.00; best return")
    func handChecked() throws {
        let values = try DispositionValuation.values(Self.input)
        #expect(values.map(\.option) == [.returnToSupplier, .sell, .transfer, .scrap])
        #expect(values.map(\.netCents) == [21_250, 12_500, 21_000, -3_000])
        #expect(values.map(\.formula) == ["10 × 25.00 − 15% × 250.00", "10 × 12.50", "10 × 25.00 − 40.00", "−30.00"])
        #expect(DispositionValuation.best(values) == .returnToSupplier)
        #expect(values.map { DispositionValuation.amountText($0.netCents) } == ["212.50", "125.00", "210.00", "-30.00"])
    }

    @Test("cents round half away from zero: 3 × 0.335 = 1.005 → 1.01")
    func rounding() throws {
        let v = try DispositionValuation.values(
            .init(quantity: 3, unitCost: 0.335, restockingFeeRate: 0, recoveryPerUnit: 0, transferCost: 0, scrapCost: 0))
        #expect(v[0].netCents == 101)
    }

    @Test("bad figures are refused by name")
    func refusals() {
        var bad = Self.input
        bad.restockingFeeRate = 1.5
        #expect(
            throws: PolicyError(
                code: .invalidInput, message: "restocking_fee_rate '1.5' — expected a rate from 0 to 1 (below 10 000 000 000 000)"
            )
        ) { try DispositionValuation.values(bad) }
        bad = Self.input
        bad.quantity = 0
        #expect(
            throws: PolicyError(code: .invalidInput, message: "quantity '0.0' — expected a number > 0 (below 10 000 000 000 000)")
        ) { try DispositionValuation.values(bad) }
    }

    @Test("a spare's case carries the hold-or-dispose analysis of the calculator on its units")
    func spare() throws {
        let terms = DispositionAnalysis.SpareTerms(demandRatePerYear: 0.5, emergencyCostPerUnit: 400, salvageEndPerUnit: 5)
        let a = try DispositionAnalysis.make(
            .init(quantity: 4, unitCost: 100, restockingFeeRate: 0.15, recoveryPerUnit: 20, transferCost: 0, scrapCost: 0),
            chosen: .sell, spare: terms, holdingCostRate: 0.2, discountRate: 0.08, horizonYears: 5)
        let input = try #require(a.holdOrDisposeInput)
        #expect(
            input
                == HoldOrDisposeInput(
                    unitsOnHand: 4, unitBookValue: 100, salvageNowPerUnit: 20, salvageEndPerUnit: 5, holdingCostRate: 0.2,
                    discountRate: 0.08, demandRatePerYear: 0.5, emergencyCostPerUnit: 400, horizonYears: 5))
        #expect(a.holdOrDispose == (try HoldOrDispose.analyse(input)))
        #expect(a.chosen == .sell && a.chosenCents == 8_000 && a.best == .transfer)
        #expect(a.holdOrDispose?.discountRateSensitivity.count == 5)
        #expect(
            throws: PolicyError(
                code: .invalidInput,
                message: "quantity '2.5' — a spare's hold-or-dispose analysis counts whole units; expected a whole number")
        ) {
            try DispositionAnalysis.make(
                .init(quantity: 2.5, unitCost: 1, restockingFeeRate: 0, recoveryPerUnit: 0, transferCost: 0, scrapCost: 0),
                chosen: .scrap, spare: terms, holdingCostRate: 0.2, discountRate: 0.08, horizonYears: 5)
        }
    }
}
