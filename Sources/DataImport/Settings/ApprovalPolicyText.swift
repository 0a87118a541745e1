public import InventoryCore

/// Approval settings (`approval_thresholds` and `approval_rules`) written back as settings text —
/// what the approval-rules admin page shows for editing and ``SettingsText/parseApprovalPolicy(_:)``
/// reads again to the same settings.
public enum ApprovalPolicyText {
    /// The text of `settings`' approval thresholds and rules (keys in a fixed order, names quoted).
    public static func render(_ settings: PlanningSettings) -> String {
        var out = "approval_thresholds:\n"
        for level in settings.approvalThresholds.sorted(by: { $0.maximumValue < $1.maximumValue }) {
            out += "  \(q(level.role)): \(level.maximumValue.isFinite ? JSONValue.text(of: level.maximumValue) : "unlimited")\n"
        }
        let rules = settings.approvalRules
        guard !rules.isEmpty else { return out }
        out += "approval_rules:\n"
        func map(_ name: String, _ values: [String: String]) {
            guard !values.isEmpty else { return }
            out +=
                "  \(name): {" + values.sorted { $0.key < $1.key }.map { "\(q($0.key)): \(q($0.value))" }.joined(separator: ", ")
                + "}\n"
        }
        func line(_ name: String, _ value: String?) {
            if let value { out += "  \(name): \(value)\n" }
        }
        map("by_class", rules.byClass)
        map("by_criticality", rules.byCriticality)
        line("first_buy", rules.firstBuyLevel.map(q))
        line("price_increase_percent", rules.priceIncreasePercent.map(JSONValue.text(of:)))
        line("price_increase_level", rules.priceIncreaseLevel.map(q))
        line("quantity_multiple", rules.quantityMultiple.map(JSONValue.text(of:)))
        line("quantity_level", rules.quantityLevel.map(q))
        if !rules.budgets.isEmpty {
            out +=
                "  budgets: {"
                + rules.budgets.sorted { $0.key < $1.key }.map { "\(q($0.key)): \(JSONValue.text(of: $0.value))" }
                .joined(separator: ", ") + "}\n"
        }
        line("budget_level", rules.budgetLevel.map(q))
        return out
    }

    /// A name as a double-quoted scalar (JSON string syntax is YAML's too).
    private static func q(_ s: String) -> String { JSONValue.quoted(s) }
}
