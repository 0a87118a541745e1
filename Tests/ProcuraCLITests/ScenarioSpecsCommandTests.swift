import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura scenario-specs list|show|save|delete` and `procura scenario --saved NAME --as USER`.
@Suite("procura scenario-specs", .serialized)
struct ScenarioSpecsCommandTests {
    @Test(
        "a planner saves a spec (an invalid one exits 64 and stores nothing), lists, shows, runs, replaces by version and deletes it; another user sees none"
    )
    func saveListShowRunDelete() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-specs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("s.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "20", "--locations", "1"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("pia", "planner"), ("bo", "buyer")] {
            #expect(try await run(["user", "add", user, "--role", role]).status == 0)
        }
        let spec = "name: Surge\nshocks:\n  - kind: demand\n    factor: 1.3\n"
        let good = folder.appendingPathComponent("surge.yaml").path
        try spec.write(toFile: good, atomically: true, encoding: .utf8)
        let bad = folder.appendingPathComponent("bad.yaml").path
        try "name: Bad\nshocks:\n  - kind: supplier_failure\n    supplier: NOPE\n".write(
            toFile: bad, atomically: true, encoding: .utf8)

        let refused = try await run(["scenario-specs", "save", "surge", "--spec", bad, "--as", "pia"])
        #expect(refused.status == 64)
        #expect(
            refused.stderr
                == "Error: \(bad): the scenario spec is not valid — line 4, shocks[0].supplier: unknown supplier 'NOPE'\n")
        #expect(try await run(["scenario-specs", "list", "--as", "pia"]).stdout.hasPrefix("Saved scenario specs of pia: 0"))

        let saved = try await run(["scenario-specs", "save", "surge", "--spec", good, "--as", "pia"])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout == "saved 'surge' (version 1): Surge, 1 shock(s)\n")
        let again = try await run(["scenario-specs", "save", "surge", "--spec", good, "--as", "pia"])
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "Error: a scenario spec 'surge' exists (version 1) — give version 1 to replace it, or choose another name\n")
        let listed = try await run(["scenario-specs", "list", "--as", "pia", "--format", "csv"])
        #expect(listed.stdout.hasPrefix("name,title,shocks,version,created_at,updated_at\nsurge,Surge,1,1,"), "\(listed.stdout)")
        #expect(try await run(["scenario-specs", "show", "surge", "--as", "pia"]).stdout == spec)
        let json = try JSONValue.parse(
            try await run(["scenario-specs", "show", "surge", "--as", "pia", "--format", "json"]).stdout)
        #expect(json["owner"].string == "pia" && json["version"].int == 1 && json["spec"].string == spec)

        // Another user: none of pia's.
        #expect(try await run(["scenario-specs", "list", "--as", "bo"]).stdout.hasPrefix("Saved scenario specs of bo: 0"))
        let hidden = try await run(["scenario-specs", "show", "surge", "--as", "bo"])
        #expect(
            hidden.status == 1
                && hidden.stderr
                    == "Error: you have no saved scenario spec 'surge' — list yours with procura scenario-specs list\n"
        )
        #expect(try await run(["scenario", "--saved", "surge", "--as", "bo", "--quiet"]).status == 1)

        // The saved run is the run of the file.
        let ranSaved = try await run(["scenario", "--saved", "surge", "--as", "pia", "--format", "json", "--quiet"])
        #expect(ranSaved.status == 0, "\(ranSaved.stderr)")
        let ranFile = try await run(["scenario", "--spec", good, "--format", "json", "--quiet"])
        #expect(ranSaved.stdout == ranFile.stdout)
        #expect(try JSONValue.parse(ranSaved.stdout)["name"].string == "Surge")
        #expect(try await run(["scenario", "--saved", "surge", "--quiet"]).status == 64)
        #expect(try await cli.run(["scenario", demo, "--saved", "surge", "--as", "pia"]).status == 64)

        // Replace by version; a stale version is refused; delete.
        let v2 = folder.appendingPathComponent("v2.yaml").path
        try (spec + "  - kind: price\n    factor: 1.1\n").write(toFile: v2, atomically: true, encoding: .utf8)
        let replaced = try await run(["scenario-specs", "save", "surge", "--spec", v2, "--replacing", "1", "--as", "pia"])
        #expect(replaced.stdout == "replaced 'surge' (version 2): Surge, 2 shock(s)\n", "\(replaced.stderr)")
        let stale = try await run(["scenario-specs", "save", "surge", "--spec", good, "--replacing", "1", "--as", "pia"])
        #expect(stale.status == 1 && stale.stderr.contains("is at version 2, not 1"))
        let odd = try await run(["scenario-specs", "save", "a/b", "--spec", good, "--as", "pia"])
        #expect(
            odd.status == 1
                && odd.stderr
                    == "Error: scenario spec name 'a/b' contains a slash or backslash — expected none (the name is part of a URL path)\n"
        )
        let deleted = try await run(["scenario-specs", "delete", "surge", "--as", "pia"])
        #expect(deleted.status == 0 && deleted.stdout == "deleted 'surge'\n")
        #expect(try await run(["scenario-specs", "delete", "surge", "--as", "pia"]).status == 1)
        #expect(try await run(["scenario-specs", "list", "--as", "pia"]).stdout.hasPrefix("Saved scenario specs of pia: 0"))
    }
}
