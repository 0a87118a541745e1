/// When a purchase order needs a higher approval level than its value alone asks for: the
/// `approval_rules` section of `settings.yaml` (or the approval-rules admin page, which replaces
/// it in the database). Every rule names a level — a role of `approval_thresholds` — that an order
/// it matches needs at least. Default: no rule, the value alone decides.
///
/// ```yaml
/// approval_rules:
///   by_class: {A: approver}          # a line of an ABC class-A item-location
///   by_criticality: {V: approver}    # a line of a vital item
///   first_buy: approver              # an item-location never ordered or received before
///   price_increase_percent: 10       # a unit price more than 10 % above the last one paid …
///   price_increase_level: approver   # … needs this level
///   quantity_multiple: 3             # a line above 3 × the usual quantity (median of earlier orders) …
///   quantity_level: approver         # … needs this level
///   budgets: {MRO: 50000}            # per category per calendar month (committed orders)
///   budget_level: finance            # an order that takes a category over its budget
/// ```
public struct ApprovalRuleSettings: Hashable, Sendable {
    /// ABC class → the level an order with a line of that class needs at least.
    public var byClass: [String: String] = [:]
    /// Criticality (`V`, `E`, `D`) → the level an order with a line of that criticality needs at least.
    public var byCriticality: [String: String] = [:]
    /// The level a first buy of an item-location needs (`nil`: no rule).
    public var firstBuyLevel: String?
    /// How far (percent) a unit price may rise above the last price paid before ``priceIncreaseLevel`` is needed.
    public var priceIncreasePercent: Double?
    /// The level a price rise beyond ``priceIncreasePercent`` needs.
    public var priceIncreaseLevel: String?
    /// How many times the usual quantity a line may be before ``quantityLevel`` is needed.
    public var quantityMultiple: Double?
    /// The level a quantity beyond ``quantityMultiple`` × usual needs.
    public var quantityLevel: String?
    /// Category → budget per calendar month, in the data set's currency.
    public var budgets: [String: Double] = [:]
    /// The level an order that takes a category over its monthly budget needs.
    public var budgetLevel: String?

    /// No rules.
    public init() {}

    /// True when no rule is set (the value alone decides).
    public var isEmpty: Bool { self == ApprovalRuleSettings() }

    /// Every level the rules name, with the key that names it (`by_class.A`, `first_buy`, …).
    public var namedLevels: [(key: String, level: String)] {
        var out: [(key: String, level: String)] = []
        for (cls, level) in byClass.sorted(by: { $0.key < $1.key }) { out.append(("approval_rules.by_class.\(cls)", level)) }
        for (c, level) in byCriticality.sorted(by: { $0.key < $1.key }) {
            out.append(("approval_rules.by_criticality.\(c)", level))
        }
        if let firstBuyLevel { out.append(("approval_rules.first_buy", firstBuyLevel)) }
        if let priceIncreaseLevel { out.append(("approval_rules.price_increase_level", priceIncreaseLevel)) }
        if let quantityLevel { out.append(("approval_rules.quantity_level", quantityLevel)) }
        if let budgetLevel { out.append(("approval_rules.budget_level", budgetLevel)) }
        return out
    }

    /// What is wrong with the rules given the thresholds: a level that is no role of
    /// `approval_thresholds`, or a limit given without its level (or the reverse). Empty: consistent.
    public func problems(thresholds: [ApprovalThreshold]) -> [(key: String, value: String, expected: String)] {
        let roles = thresholds.map(\.role)
        let expectedLevel = "a role of approval_thresholds (\(roles.joined(separator: ", ")))"
        var out: [(key: String, value: String, expected: String)] = []
        for (key, level) in namedLevels where !roles.contains(level) { out.append((key, level, expectedLevel)) }
        func pair(_ limit: String, _ limitSet: Bool, _ level: String, _ levelSet: Bool) {
            if limitSet, !levelSet { out.append(("approval_rules.\(level)", "(missing)", "a level for approval_rules.\(limit)")) }
            if levelSet, !limitSet { out.append(("approval_rules.\(limit)", "(missing)", "a limit for approval_rules.\(level)")) }
        }
        pair("price_increase_percent", priceIncreasePercent != nil, "price_increase_level", priceIncreaseLevel != nil)
        pair("quantity_multiple", quantityMultiple != nil, "quantity_level", quantityLevel != nil)
        pair("budgets", !budgets.isEmpty, "budget_level", budgetLevel != nil)
        return out
    }
}
