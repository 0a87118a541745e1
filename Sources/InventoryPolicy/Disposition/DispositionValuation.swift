/// The net value of each way of disposing of an excess lot (docs/disposition.md, "Options and their
/// value"). Pure; money is rounded to the cent (half away from zero) option by option, so the
/// figures a case shows are the figures compared.
///
/// With q the quantity, c the unit cost (the item's standard cost), f the restocking-fee rate, r the
/// expected recovery per unit, T the transfer cost and S the scrap cost (both for the whole lot):
///
/// - return to supplier: q·c − f·q·c (the refund less the restocking fee);
/// - sell / auction: q·r (the expected recovery);
/// - transfer: q·c − T (the stock keeps its value at a location with demand; the move costs T);
/// - scrap: −S.
///
/// The best option is the one of highest net value (ties: the order of ``DispositionOption``).
/// The cash-recovery view of excess disposal follows E. A. Silver, D. F. Pyke & D. J. Thomas,
/// *Inventory and Production Management in Supply Chains*, 4th ed. (2017), §8.9 ("disposal of
/// excess stock"); the valuation of a kept unit at its cost follows the provision rules of
/// docs/excess.md.
public enum DispositionValuation {
    /// The inputs of one case.
    public struct Input: Sendable, Hashable, Codable {
        /// q, the quantity disposed of, in base units (> 0).
        public var quantity: Double
        /// c, the unit cost (≥ 0).
        public var unitCost: Double
        /// f, the restocking fee as a share of the returned value (0 … 1).
        public var restockingFeeRate: Double
        /// r, the expected recovery per unit when sold (≥ 0).
        public var recoveryPerUnit: Double
        /// T, the cost of moving the whole quantity (≥ 0).
        public var transferCost: Double
        /// S, the cost of scrapping the whole quantity (≥ 0).
        public var scrapCost: Double

        /// Creates the inputs.
        public init(
            quantity: Double, unitCost: Double, restockingFeeRate: Double, recoveryPerUnit: Double, transferCost: Double,
            scrapCost: Double
        ) {
            self.quantity = quantity
            self.unitCost = unitCost
            self.restockingFeeRate = restockingFeeRate
            self.recoveryPerUnit = recoveryPerUnit
            self.transferCost = transferCost
            self.scrapCost = scrapCost
        }
    }

    /// One option's value.
    public struct Value: Sendable, Hashable, Codable {
        /// The option.
        public var option: DispositionOption
        /// Its net value in cents.
        public var netCents: Int64
        /// The formula with the case's numbers, e.g. `10 × 25.00 − 15% × 250.00`.
        public var formula: String
    }

    /// The value of every option, in the order of ``DispositionOption/allCases``.
    ///
    /// - Throws: ``PolicyError/Code/invalidInput`` naming the field, its value and what is expected.
    public static func values(_ input: Input) throws(PolicyError) -> [Value] {
        try check(input)
        let q = input.quantity
        let goods = q * input.unitCost
        let fee = input.restockingFeeRate * goods
        let numbers = [
            cents(goods) - cents(fee), cents(q * input.recoveryPerUnit), cents(goods) - cents(input.transferCost),
            -cents(input.scrapCost),
        ]
        let formulas = [
            "\(number(q)) × \(money(input.unitCost)) − \(percent(input.restockingFeeRate)) × \(money(goods))",
            "\(number(q)) × \(money(input.recoveryPerUnit))",
            "\(number(q)) × \(money(input.unitCost)) − \(money(input.transferCost))",
            "−\(money(input.scrapCost))",
        ]
        return DispositionOption.allCases.enumerated().map { k, option in
            Value(option: option, netCents: numbers[k], formula: formulas[k])
        }
    }

    /// The option of highest net value (the first of equal ones).
    public static func best(_ values: [Value]) -> DispositionOption? {
        var best: Value?
        for value in values where best == nil || value.netCents > best!.netCents { best = value }
        return best?.option
    }

    /// Cents of an amount, half away from zero.
    public static func cents(_ amount: Double) -> Int64 { Int64((amount * 100).rounded(.toNearestOrAwayFromZero)) }

    /// Cents as text with two decimals: `-1234` → `-12.34`.
    public static func amountText(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let m = cents.magnitude
        let rest = m % 100
        return "\(sign)\(m / 100).\(rest < 10 ? "0" : "")\(rest)"
    }

    static func check(_ input: Input) throws(PolicyError) {
        let fields: [(String, Double, String, (Double) -> Bool)] = [
            ("quantity", input.quantity, "a number > 0", { $0 > 0 }),
            ("unit_cost", input.unitCost, "a number ≥ 0", { $0 >= 0 }),
            ("restocking_fee_rate", input.restockingFeeRate, "a rate from 0 to 1", { $0 >= 0 && $0 <= 1 }),
            ("recovery_per_unit", input.recoveryPerUnit, "a number ≥ 0", { $0 >= 0 }),
            ("transfer_cost", input.transferCost, "a number ≥ 0", { $0 >= 0 }),
            ("scrap_cost", input.scrapCost, "a number ≥ 0", { $0 >= 0 }),
        ]
        for (name, value, expected, accepts) in fields where !(value.isFinite && accepts(value) && value < 1e13) {
            throw PolicyError(
                code: .invalidInput, message: "\(name) '\(value)' — expected \(expected) (below 10 000 000 000 000)")
        }
    }

    private static func money(_ amount: Double) -> String { amountText(cents(amount)) }
    private static func percent(_ rate: Double) -> String { number(rate * 100) + "%" }
    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
