import InventoryCore
import InventoryPolicy
import Testing

@Suite("Override rules: one function for overrides.csv, the API and the database")
struct OverrideRulesTests {
    static func problems(
        parameter: String = "safety_stock", value: Double? = 3, reason: String = "trade fair", author: String = "ann",
        from: Day? = nil, to: Day? = nil
    ) -> [String] {
        OverrideRules.problems(
            itemID: "P1", locationID: "DC1", parameter: parameter, value: value, reason: reason, author: author, validFrom: from,
            validTo: to
        ).map { "\($0.field): \($0.message) | \($0.expected)" }
    }

    @Test("every broken rule, in field order, with the field and what it should hold")
    func problems() {
        #expect(Self.problems().isEmpty)
        #expect(
            Self.problems(parameter: "colour")
                == [
                    "parameter: parameter 'colour' cannot be overridden — one of service_level, review_period_days, forecast_per_bucket, forecast_uplift, safety_stock, reorder_point, order_quantity, min, max | one of service_level, review_period_days, forecast_per_bucket, forecast_uplift, safety_stock, reorder_point, order_quantity, min, max"
                ])
        #expect(
            Self.problems(
                parameter: "review_period_days", value: 4000, reason: " ", author: String(repeating: "a", count: 101),
                from: Day(year: 2026, month: 3, day: 1)!, to: Day(year: 2026, month: 2, day: 1)!)
                == [
                    "value: 4000.0 is not a valid review_period_days — expected days ≥ 0.01 and ≤ 3650 | days ≥ 0.01 and ≤ 3650",
                    "reason: an override needs a reason — say why the computed value is not right | a reason for the override",
                    "author: override author is 101 characters long — at most 100 are accepted | at most 100 characters",
                    "valid_to: override valid_to 2026-02-01 is before valid_from 2026-03-01 — swap them or leave one open | a date on or after valid_from 2026-03-01",
                ])
        #expect(
            Self.problems(reason: String(repeating: "r", count: 501))
                == ["reason: override reason is 501 characters long — at most 500 are accepted | at most 500 characters"])
        // A value that did not parse is the caller's to report.
        #expect(Self.problems(value: nil).isEmpty)
        #expect(Self.problems(value: .nan).count == 1)
    }

    @Test("validate throws the first")
    func validate() {
        #expect(throws: LedgerError.self) {
            try OverrideRules.validate(
                itemID: "P1", locationID: "DC1", parameter: "service_level", value: 1, reason: "x", author: "", validFrom: nil,
                validTo: nil)
        }
    }
}
