import DataImport
import InventoryCore
import Testing

@Suite("settings.yaml: approval_rules, and approval rules set by an admin")
struct ApprovalRuleSettingsTests {
    static let full = """
        approval_thresholds: {buyer: 5000, approver: 50000, finance: unlimited}
        approval_rules:
          by_class: {A: approver}
          by_criticality: {V: finance}
          first_buy: approver
          price_increase_percent: 12.5
          price_increase_level: approver
          quantity_multiple: 3
          quantity_level: approver
          budgets: {MRO: 50000, "Spare parts": 20000}
          budget_level: finance
        """

    @Test("every approval_rules key is read into ApprovalRuleSettings")
    func reads() throws {
        let rules = try SettingsText.parse(Self.full).approvalRules
        var expected = ApprovalRuleSettings()
        expected.byClass = ["A": "approver"]
        expected.byCriticality = ["V": "finance"]
        expected.firstBuyLevel = "approver"
        expected.priceIncreasePercent = 12.5
        expected.priceIncreaseLevel = "approver"
        expected.quantityMultiple = 3
        expected.quantityLevel = "approver"
        expected.budgets = ["MRO": 50_000, "Spare parts": 20_000]
        expected.budgetLevel = "finance"
        #expect(rules == expected)
        #expect(try SettingsText.parse("bucket: week\n").approvalRules.isEmpty)
    }

    @Test("bad values, unknown levels and a limit without its level are refused, naming the key")
    func errors() throws {
        let got = try SettingsTests.errors(
            """
            approval_rules:
              by_class: {D: approver}
              by_criticality: {V: boss}
              price_increase_percent: -1
              quantity_multiple: 1
              budgets: {MRO: lots}
            """)
        #expect(
            Set(got) == [
                "settings.yaml: approval_rules.budgets.MRO — expected an amount ≥ 0, got lots",
                "settings.yaml: approval_rules.by_class.D — expected an ABC class A, B or C, got D",
                "settings.yaml: approval_rules.by_criticality.V — expected a role of approval_thresholds (buyer, approver, finance), got boss",
                "settings.yaml: approval_rules.price_increase_percent — expected a percentage ≥ 0, got -1",
                "settings.yaml: approval_rules.quantity_multiple — expected a number > 1 (times the usual quantity), got 1",
            ], "\(got)")
        let missing = try SettingsTests.errors("approval_rules: {quantity_multiple: 3, budget_level: finance}\n")
        #expect(
            Set(missing) == [
                "settings.yaml: approval_rules.budgets — expected a limit for approval_rules.budget_level, got (missing)",
                "settings.yaml: approval_rules.quantity_level — expected a level for approval_rules.quantity_multiple, got (missing)",
            ], "\(missing)")
        // The levels are checked against the file's own thresholds, whatever the order of the keys.
        #expect(
            try SettingsText.parse(
                "approval_rules: {first_buy: director}\napproval_thresholds: {buyer: 100, director: unlimited}\n"
            )
            .approvalRules.firstBuyLevel == "director")
    }

    @Test("admin text: only the approval keys, thresholds required, unknown keys are errors; written text reads back the same")
    func adminText() throws {
        let settings = try SettingsText.parseApprovalPolicy(Self.full)
        let text = ApprovalPolicyText.render(settings)
        let again = try SettingsText.parseApprovalPolicy(text)
        #expect(again.approvalThresholds == settings.approvalThresholds && again.approvalRules == settings.approvalRules)
        #expect(text.hasPrefix("approval_thresholds:\n  \"buyer\": 5000\n  \"approver\": 50000\n  \"finance\": unlimited\n"))
        // JSON is YAML: the API's body reads the same way.
        let json = try SettingsText.parseApprovalPolicy(
            #"{"approval_thresholds": {"buyer": 5000, "finance": "unlimited"}, "approval_rules": {"first_buy": "finance"}}"#)
        #expect(json.approvalRules.firstBuyLevel == "finance" && json.approvalThresholds.map(\.role) == ["buyer", "finance"])
        func messages(_ text: String) -> [String] {
            do {
                _ = try SettingsText.parseApprovalPolicy(text)
                return []
            } catch {
                return error.errors.map(\.message)
            }
        }
        #expect(
            messages("bucket: day\napproval_rules: {firstbuy: approver}\n") == [
                "bucket — not an approval key (expected only approval_thresholds and approval_rules)",
                "approval_thresholds — required: a mapping from role to order value, e.g. {buyer: 5000, approver: unlimited}",
                "approval_rules.firstbuy — unknown key ignored",
            ])
        #expect(
            messages("approval_thresholds: {}\n") == [
                "approval_thresholds — expected at least one role with its order value limit, got none"
            ])
        #expect(messages("[1, 2]") == ["expected a mapping with approval_thresholds and approval_rules"])
        #expect(messages("approval_thresholds: {buyer: 5000}\napproval_rules: {first_buy: approver}\n").count == 1)
    }
}
