import InventoryCore
import Workflow

extension ApprovalPolicyRecord: Encodable {
    enum CodingKeys: String, CodingKey {
        case source, setBy, setAt, settingsText, thresholds, rules, budgetUse
    }

    /// The API's `ApprovalRules` object: where the rules come from, the settings text, the
    /// thresholds (`maximum_value` `"inf"` for unlimited) and the escalations.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source.rawValue, forKey: .source)
        try c.encode(setBy, forKey: .setBy)
        try c.encode(setAt, forKey: .setAt)
        try c.encode(settingsText, forKey: .settingsText)
        try c.encode(rules.levels.map { Threshold(role: $0.role, maximumValue: $0.maximumValue) }, forKey: .thresholds)
        let e = rules.escalations
        try c.encode(
            Escalations(
                byClass: e.byClass.sorted { $0.key < $1.key }.map { ClassLevel(abcClass: $0.key, level: $0.value) },
                byCriticality: e.byCriticality.sorted { $0.key < $1.key }.map {
                    CriticalityLevel(criticality: $0.key, level: $0.value)
                }, firstBuy: e.firstBuyLevel,
                priceIncreasePercent: e.priceIncreasePercent, priceIncreaseLevel: e.priceIncreaseLevel,
                quantityMultiple: e.quantityMultiple, quantityLevel: e.quantityLevel,
                budgets: e.budgets.sorted { $0.key < $1.key }.map { Budget(category: $0.key, monthlyBudget: $0.value) },
                budgetLevel: e.budgetLevel), forKey: .rules)
        try c.encode(budgetUse, forKey: .budgetUse)
    }

    private struct Threshold: Encodable {
        var role: String
        var maximumValue: Double
    }

    private struct ClassLevel: Encodable {
        var abcClass: String
        var level: String
    }

    private struct CriticalityLevel: Encodable {
        var criticality: String
        var level: String
    }

    private struct Budget: Encodable {
        var category: String
        var monthlyBudget: Double
    }

    private struct Escalations: Encodable {
        var byClass: [ClassLevel]
        var byCriticality: [CriticalityLevel]
        var firstBuy: String?
        var priceIncreasePercent: Double?
        var priceIncreaseLevel: String?
        var quantityMultiple: Double?
        var quantityLevel: String?
        var budgets: [Budget]
        var budgetLevel: String?

        enum CodingKeys: String, CodingKey {
            case byClass, byCriticality, firstBuy, priceIncreasePercent, priceIncreaseLevel, quantityMultiple, quantityLevel
            case budgets, budgetLevel
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(byClass, forKey: .byClass)
            try c.encode(byCriticality, forKey: .byCriticality)
            try c.encode(firstBuy, forKey: .firstBuy)
            try c.encode(priceIncreasePercent, forKey: .priceIncreasePercent)
            try c.encode(priceIncreaseLevel, forKey: .priceIncreaseLevel)
            try c.encode(quantityMultiple, forKey: .quantityMultiple)
            try c.encode(quantityLevel, forKey: .quantityLevel)
            try c.encode(budgets, forKey: .budgets)
            try c.encode(budgetLevel, forKey: .budgetLevel)
        }
    }
}
