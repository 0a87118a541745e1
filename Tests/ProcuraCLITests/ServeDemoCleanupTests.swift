import Foundation
import ProcuraTestSupport
import Testing

@Suite("procura serve --demo cleans up after itself", .serialized)
struct ServeDemoCleanupTests {
    /// Starts `serve --demo` without --database, waits for the banner, stops it with SIGTERM.
    static func run(keep: Bool) async throws -> (banner: String, folder: URL, status: Int32) {
        let process = Process()
        process.executableURL = try CLIRunner().executable
        process.arguments =
            ["serve", "--demo", "--demo-items", "10", "--demo-locations", "1", "--port", "0", "--log-level", "warning"]
            + (keep ? ["--keep"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = try await offThePool {
            var text = ""
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, !text.contains("Stop with Ctrl-C") {
                let data = pipe.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        let path = try #require(
            text.components(separatedBy: "Demo company in sqlite:").dropFirst().first?.components(separatedBy: " (").first)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        #expect(FileManager.default.fileExists(atPath: path))
        process.terminate()
        let status = try await process.exit()
        return (text, folder, status)
    }

    @Test(
        "a demo database in a temporary folder is deleted when the server stops, and the banner says so; --keep keeps it",
        .timeLimit(.minutes(15)))
    func temporaryDemo() async throws {
        let deleted = try await Self.run(keep: false)
        #expect(deleted.status == 0)
        #expect(deleted.banner.contains("(deleted when the server stops; --keep keeps it)"))
        #expect(!FileManager.default.fileExists(atPath: deleted.folder.path))
        let kept = try await Self.run(keep: true)
        defer { try? FileManager.default.removeItem(at: kept.folder) }
        #expect(kept.banner.contains("(kept when the server stops)"))
        #expect(FileManager.default.fileExists(atPath: kept.folder.appendingPathComponent("procura-demo.sqlite").path))
    }
}
