import Foundation
import ProcuraTestSupport
import Testing

@Suite("procura process-map")
struct ProcessMapCommandTests {
    @Test("docs/process-maps.md embeds exactly what procura process-map --format mermaid draws")
    func docsDoNotDrift() async throws {
        let runner = try CLIRunner()
        let docs = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/process-maps.md"), encoding: .utf8)
        for name in ["purchase-order", "disposition", "emergency-buy", "provision-run", "change-set", "postmortem", "action"] {
            let result = try await runner.run(["process-map", name, "--format", "mermaid"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                docs.contains("```mermaid\n" + result.stdout + "```"),
                "docs/process-maps.md is out of date for \(name): paste the output of procura process-map \(name) --format mermaid"
            )
        }
    }

    @Test("table, json and svg; an unknown name or svg of every map is refused (exit 64)")
    func formats() async throws {
        let runner = try CLIRunner()
        let table = try await runner.run(["process-map", "emergency-buy"])
        #expect(table.status == 0)
        #expect(
            table.stdout.hasPrefix(
                "Emergency buy (emergency-buy): starts requested\n  requested --approve--> approved    only the named approver"))
        #expect(table.stdout.hasSuffix("  final: approved, expired\n"))
        let json = try await runner.run(["process-map", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let maps = try #require(object["process_maps"] as? [[String: Any]])
        #expect(
            maps.compactMap { $0["name"] as? String } == [
                "purchase-order", "disposition", "emergency-buy", "provision-run", "change-set", "postmortem", "action",
            ])
        #expect((maps.first?["svg"] as? String)?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") == true)
        let svg = try await runner.run(["process-map", "disposition", "--format", "svg"])
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<svg ") && svg.stdout.hasSuffix("</svg>\n"))

        let unknown = try await runner.run(["process-map", "purchase-orders"])
        #expect(unknown.status == 64)
        #expect(
            unknown.stderr
                == "Error: no process map 'purchase-orders' — expected one of purchase-order, disposition, emergency-buy, provision-run, change-set, postmortem, action\n"
        )
        let allSVG = try await runner.run(["process-map", "--format", "svg"])
        #expect(allSVG.status == 64 && allSVG.stderr.hasPrefix("Error: --format svg draws one map — name it: purchase-order"))
        #expect(allSVG.stdout.isEmpty)
    }
}
