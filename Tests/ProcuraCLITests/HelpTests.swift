import ProcuraTestSupport
import Testing

@Suite("procura CLI")
struct HelpTests {
    @Test("--help names the tool and exits 0")
    func help() async throws {
        let result = try await CLIRunner().run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("procura"))
    }
}
