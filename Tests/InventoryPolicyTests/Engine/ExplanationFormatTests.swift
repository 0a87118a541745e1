import Testing

@testable import InventoryPolicy

@Suite("Explanation number format")
struct ExplanationFormatTests {
    @Test(
        "rounded to what a planner reads, thousands grouped",
        arguments: [
            (0.0, "0"), (1_234_567.89, "1,234,567.9"), (0.00001, "0"), (0.12345, "0.1235"), (2.5, "2.5"), (-3, "−3"),
            (100, "100"), (99.999, "100"), (1000, "1,000"), (12.3456, "12.35"), (-0.5, "−0.5"), (Double.nan, "n/a"),
            (Double.infinity, "∞"),
        ])
    func number(_ value: Double, _ expected: String) {
        #expect(ExplanationFormat.number(value) == expected)
    }
}
