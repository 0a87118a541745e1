import Foundation
import InventoryCore
import Testing
import Workflow

@Suite("Account, text and token rules")
struct AccountRulesTests {
    @Test("user ids: 1 to 64 letters, digits, '.', '_', '-', '@'")
    func userIDs() throws {
        try AccountRules.checkUserID("pia.planner@acme-1")
        try AccountRules.checkUserID(String(repeating: "a", count: 64))
        for bad in ["", String(repeating: "a", count: 65), "pia planner", "x\ny", "a/b"] {
            #expect(throws: RuleViolation.self) { try AccountRules.checkUserID(bad) }
        }
        do {
            try AccountRules.checkUserID("x\ny")
        } catch {
            #expect(
                error.message == "user id 'xU+000Ay' must be 1 to 64 letters, digits, '.', '_', '-' or '@'",
                "control characters shown as code points")
        }
    }

    @Test("a supplier user names its supplier; no other role does")
    func supplierBinding() throws {
        try AccountRules.checkSupplierBinding(role: .supplier, supplierID: "SUP-1")
        try AccountRules.checkSupplierBinding(role: .planner, supplierID: nil)
        #expect(
            throws: RuleViolation(
                .supplierBinding, field: "supplier", "a supplier user needs --supplier ID (the supplier it sees)")
        ) {
            try AccountRules.checkSupplierBinding(role: .supplier, supplierID: nil)
        }
        #expect(throws: RuleViolation(.supplierBinding, field: "supplier", "--supplier is only for the supplier role")) {
            try AccountRules.checkSupplierBinding(role: .viewer, supplierID: "SUP-1")
        }
    }

    @Test("free text: the documented maximum, required text, no control characters; blanks at the ends trimmed")
    func textFields() throws {
        #expect(try TextField.planRunLabel.check("  weekly run ") == "weekly run")
        #expect(try TextField.planRunLabel.check(String(repeating: "é", count: 200)).count == 200, "characters, not bytes")
        #expect(throws: RuleViolation(.textTooLong, field: "label", "label has 201 characters — at most 200 are allowed")) {
            try TextField.planRunLabel.check(String(repeating: "a", count: 201))
        }
        #expect(throws: RuleViolation(.textRequired, field: "token name", "token name is required — 1 to 100 characters")) {
            try TextField.tokenName.check("   ")
        }
        #expect(
            throws: RuleViolation(
                .textTooLong, field: "display name", "display name has 101 characters — at most 100 are allowed")
        ) {
            try TextField.displayName.check(String(repeating: "n", count: 101))
        }
        #expect(
            throws: RuleViolation(
                .controlCharacter, field: "display name",
                "display name contains the control character U+000A — use printable text on one line")
        ) {
            try TextField.displayName.check("Pia\nsigned in as admin")
        }
    }

    @Test("tokens live 90 days by default, 1 to 3650 on request, never past their parent")
    func tokenLifetimes() throws {
        #expect(try TokenPolicy.lifetimeDays(requested: nil) == 90)
        #expect(try TokenPolicy.lifetimeDays(requested: 7) == 7)
        #expect(
            throws: RuleViolation(
                .invalidTokenLifetime, field: "expires_in_days", "expires_in_days must be from 1 to 3650, got 0")
        ) {
            try TokenPolicy.lifetimeDays(requested: 0)
        }
        let issued = Timestamp(secondsSinceEpoch: 1_800_000_000)
        #expect(TokenPolicy.expiry(issuedAt: issued, days: 90, parentExpiresAt: nil) == issued.adding(days: 90))
        let parent = issued.adding(days: 1)
        #expect(TokenPolicy.expiry(issuedAt: issued, days: 90, parentExpiresAt: parent) == parent)
    }
}
