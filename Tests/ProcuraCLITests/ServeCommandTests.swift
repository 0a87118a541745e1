import Foundation
import ProcuraTestSupport
import Testing

/// `procura serve` over a real socket, and `procura user`.
@Suite("procura serve and procura user", .serialized)
struct ServeCommandTests {
    /// Starts `procura serve --demo` on a free port; returns the process, its address and the admin password.
    static func startDemo(database: String, logLevel: String = "warning", standardError: FileHandle = .nullDevice) async throws
        -> (Process, String, String, Pipe)
    {
        let process = Process()
        process.executableURL = try CLIRunner().executable
        process.arguments = [
            "serve", "--demo", "--demo-items", "30", "--demo-locations", "1", "--port", "0", "--database", database,
            "--log-level", logLevel,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = standardError
        try process.run()
        let text = try await offThePool {
            var text = ""
            let deadline = Date().addingTimeInterval(300)
            while Date() < deadline {
                let data = pipe.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if text.contains("Password:"), text.contains("Stop with Ctrl-C") { break }
            }
            return text
        }
        let address = try #require(
            text.components(separatedBy: "running at ").dropFirst().first?.components(separatedBy: "/\n").first)
        let password = try #require(
            text.components(separatedBy: "Password:").dropFirst().first?.split(separator: " ", omittingEmptySubsequences: true)
                .first)
        return (process, address, String(password), pipe)
    }

    static func get(_ url: String, token: String? = nil) async throws -> (Int, String) {
        let response = try await LoopbackHTTP.send("GET", url, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
        return (response.status, response.body)
    }

    @Test(
        "serve --demo answers over a socket; user commands manage users and tokens; SIGTERM shuts it down cleanly",
        .timeLimit(.minutes(15)))
    func serveDemo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite:" + folder.appendingPathComponent("demo.sqlite").path
        let (process, address, password, _) = try await Self.startDemo(database: database)
        defer { if process.isRunning { process.terminate() } }
        #expect(password.count == 20)
        let (status, health) = try await Self.get(address + "/health")
        #expect(status == 200 && health.contains("\"plan_run\":1"))

        let cli = try CLIRunner()
        let added = try await cli.run(["user", "add", "pia", "--role", "planner", "--database", database])
        #expect(added.status == 0 && added.stdout.contains("created user pia (planner)") && added.stdout.contains("password: "))
        let refused = try await cli.run(["user", "add", "sam", "--role", "supplier", "--database", database])
        #expect(refused.status != 0 && refused.stderr.contains("--supplier"))
        let badRole = try await cli.run(["user", "add", "x", "--role", "king", "--database", database])
        #expect(badRole.status == 64 && badRole.stderr.contains("--role must be one of"))
        let short = try await cli.run(["user", "passwd", "pia", "--password-stdin", "--database", database], stdin: "short\n")
        #expect(
            short.status != 0
                && short.stderr.contains("Error: the password has 5 characters. A password needs 12 or more characters"))
        let passwd = try await cli.run(
            ["user", "passwd", "pia", "--password-stdin", "--database", database], stdin: "a much longer password\n")
        #expect(passwd.status == 0 && !passwd.stdout.contains("password: "))
        let token = try await cli.run(["user", "token", "add", "pia", "--name", "ci", "--database", database])
        #expect(token.status == 0)
        let secret = try #require(token.stdout.split(separator: "\n").last.map(String.init))
        let (meStatus, me) = try await Self.get(address + "/api/v1/me", token: secret)
        #expect(meStatus == 200 && me.contains("\"role\":\"planner\""))
        let disabled = try await cli.run(["user", "disable", "pia", "--database", database])
        #expect(disabled.status == 0 && disabled.stdout.contains("API tokens revoked"))
        try await Task.sleep(for: .seconds(6))  // the server trusts a looked-up token for 5 s
        let (afterStatus, _) = try await Self.get(address + "/api/v1/me", token: secret)
        #expect(afterStatus == 401)
        let list = try await cli.run(["user", "list", "--database", database])
        #expect(list.stdout.contains("pia,planner,,no,"))
        let missing = try await cli.run(["user", "disable", "nobody", "--database", database])
        #expect(missing.status == 1 && missing.stderr.contains("does not exist"))

        process.terminate()  // SIGTERM
        #expect(try await process.exit() == 0, "graceful shutdown exits 0")
    }

    /// Issue 19.9: a user id with a newline wrote a fake "signed in" line to the server's log.
    ///
    /// ```
    /// curl -b "procura_login_csrf=$L" --data-urlencode "_csrf=$L" \
    ///      --data-urlencode $'user=x\n2026-01-01T00:00:00+0000 info procura.web : address=10.0.0.1 user=admin [WebApp] signed in' \
    ///      -d 'password=whatever' http://127.0.0.1:8080/login
    /// ```
    @Test("19.9 log values are escaped: a newline in a user id cannot forge a log line", .timeLimit(.minutes(15)))
    func logForging() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite:" + folder.appendingPathComponent("demo.sqlite").path
        let log = folder.appendingPathComponent("stderr.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let (process, address, _, _) = try await Self.startDemo(
            database: database, logLevel: "info", standardError: try FileHandle(forWritingTo: log))
        defer { if process.isRunning { process.terminate() } }
        let form = try await LoopbackHTTP.send("GET", address + "/login")
        let cookie = try #require(form.header("Set-Cookie"))
        let token = try #require(cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init))
        let forged = "x\n2026-01-01T00:00:00+0000 info procura.web : address=10.0.0.1 user=admin [WebApp] signed in"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let response = try await LoopbackHTTP.send(
            "POST", address + "/login",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "procura_login_csrf=\(token)"],
            body: "_csrf=\(token)&user=\(forged.addingPercentEncoding(withAllowedCharacters: allowed)!)&password=whatever-it-is")
        #expect(response.status == 401)
        process.terminate()
        _ = try await process.exit()
        let text = try String(contentsOf: log, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(
            lines.contains { $0.contains("sign-in refused") && $0.contains("\\n2026-01-01") },
            "the refusal is logged with the newline escaped:\n\(text)")
        #expect(!lines.contains { $0.hasPrefix("2026-01-01T00:00:00+0000") }, "no forged line:\n\(text)")
    }
}
