import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura approval-rules show|set` and `procura delegations list|add|revoke`.
@Suite("procura approval-rules and procura delegations", .serialized)
struct ApprovalRulesCommandTests {
    @Test(
        "an admin sets the rules from a file (a bad one is refused by key, exit 65); finance delegates to an approver, who revokes it"
    )
    func rulesAndDelegations() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-approval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let database = "sqlite:" + folder.appendingPathComponent("a.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        for (user, role) in [("root", "admin"), ("fin", "finance"), ("ada", "approver"), ("pia", "planner")] {
            #expect(try await run(["user", "add", user, "--role", role]).status == 0)
        }
        let shown = try await run(["approval-rules", "show"])
        #expect(shown.status == 0)
        #expect(
            shown.stdout
                == "# approval rules in force, from settings.yaml of the last import\napproval_thresholds:\n  \"buyer\": 5000\n  \"approver\": 50000\n  \"finance\": unlimited\n"
        )
        let bad = folder.appendingPathComponent("bad.yaml")
        try "approval_thresholds: {buyer: 5000}\napproval_rules: {first_buy: boss}\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let refused = try await run(["approval-rules", "set", "--file", bad.path, "--as", "root"])
        #expect(refused.status == 65)
        #expect(
            refused.stderr
                == "Error: \(bad.path): approval rules: approval_rules.first_buy — expected a role of approval_thresholds (buyer), got boss\nnothing was changed\n"
        )
        let good = folder.appendingPathComponent("good.yaml")
        try
            "approval_thresholds: {buyer: 5000, approver: 50000, finance: unlimited}\napproval_rules: {by_criticality: {V: finance}}\n"
            .write(to: good, atomically: true, encoding: .utf8)
        let byFin = try await run(["approval-rules", "set", "--file", good.path, "--as", "fin"])
        #expect(
            byFin.status == 1 && byFin.stderr.hasPrefix("Error: fin (role finance) may not set the approval rules — an admin may")
        )
        let set = try await run(["approval-rules", "set", "--file", good.path, "--as", "root"])
        #expect(
            set.status == 0 && set.stdout == "approval rules set by root: buyer ≤ 5000, approver ≤ 50000, finance unlimited\n")
        let json = try JSONValue.parse(Data(try await run(["approval-rules", "show", "--format", "json"]).stdout.utf8))
        #expect(json["source"].string == "admin" && json["rules"]["by_criticality"][0]["level"].string == "finance")

        let today = Day(year: 2026, month: 12, day: 6)!
        let from = max(today, Day(iso: String(ISO8601DateFormatter().string(from: Date()).prefix(10)))!)
        let add = [
            "delegations", "add", "--delegator", "fin", "--delegate", "ada", "--from", from.description, "--to",
            from.adding(days: 10).description, "--reason", "year-end leave",
        ]
        #expect(try await run(add + ["--to", "someday", "--as", "fin"]).status == 64)
        let byAda = try await run(add + ["--as", "ada"])
        #expect(
            byAda.status == 1 && byAda.stderr.hasPrefix("Error: ada (role approver) may not delegate fin's approval authority"))
        let added = try await run(add + ["--as", "fin"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "DL-000001: ada approves at fin's level from \(from) to \(from.adding(days: 10))\n")
        let listed = try await run(["delegations", "list", "--format", "csv"])
        #expect(
            listed.stdout.hasPrefix(
                "delegation_id,delegator,delegate,valid_from,valid_to,reason,created_by,created_at,revoked_by,revoked_at\nDL-000001,fin,ada,"
            ))
        #expect(try await run(["delegations", "revoke", "DL-000001", "--as", "pia"]).status == 1)
        let revoked = try await run(["delegations", "revoke", "DL-000001", "--as", "ada"])
        #expect(revoked.status == 0 && revoked.stdout == "DL-000001 revoked by ada\n")
        let again = try await run(["delegations", "revoke", "DL-000001", "--as", "fin"])
        #expect(again.status == 1 && again.stderr.hasPrefix("Error: delegation DL-000001 was already revoked by ada at "))
        #expect(try await run(["delegations", "list", "--active"]).stdout.hasPrefix("Delegations: 0"))
    }
}
