import InventoryCore

extension SettingsSchema {
    /// `preposition.*`: the cost of moving stock between locations ahead of a scenario
    /// (``PrepositionSettings``; docs/scenarios.md "Pre-positioning").
    static var prepositionKeys: [SettingsKey] {
        [
            .number(
                "preposition.transfer_cost_rate", \.preposition.transferCostRate,
                expected: "a number from 0 to 10 (a fraction of unit cost per unit moved)",
                accepts: { $0.isFinite && $0 >= 0 && $0 <= 10 }),
            .number(
                "preposition.cost_per_move", \.preposition.costPerMove, expected: "an amount of 0 or more",
                accepts: { $0.isFinite && $0 >= 0 && $0 <= 1e15 }),
        ]
    }
}
