import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// The conventions every command follows (README, "Commands"): `--version`; bad flags exit 64 with
/// `Error: …`; invalid data exits 65; and the README documents every command and every flag that
/// `--help` lists.
@Suite("Command-line conventions")
struct CommandLineConventionsTests {
    /// The commands and their subcommands, as `procura --help` lists them.
    static func commands() async throws -> [[String]] {
        let runner = try CLIRunner()
        var result: [[String]] = []
        for name in subcommands(of: try await runner.run(["--help"]).stdout) {
            let help = try await runner.run([name, "--help"]).stdout
            let nested = subcommands(of: help)
            if nested.isEmpty {
                result.append([name])
            } else {
                result += nested.map { [name, $0] }
            }
        }
        return result
    }

    /// The names in the SUBCOMMANDS section of a help text.
    static func subcommands(of help: String) -> [String] {
        guard let range = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        var names: [String] = []
        for line in help[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            // A subcommand line starts with two spaces and the name; wrapped abstracts are indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            let name = line.dropFirst(2).prefix { !$0.isWhitespace }
            if !name.isEmpty, name != "help" { names.append(String(name.replacingOccurrences(of: " (default)", with: ""))) }
        }
        return names
    }

    /// The `--flags` of a help text's OPTIONS section (`--[no-]x` as both), without --help and --version.
    static func flags(of help: String) -> Set<String> {
        guard let range = help.range(of: "OPTIONS:\n") else { return [] }
        var flags = Set<String>()
        for line in help[range.upperBound...].split(separator: "\n") where line.hasPrefix("  -") {
            // `  -h, --help    Show …`, `  --out <dir>    …`, `  --damped/--no-damped    …`: the
            // option is what comes before the first run of two spaces.
            let option = line.dropFirst(2).components(separatedBy: "  ").first ?? ""
            for token in option.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" }) where token.hasPrefix("--") {
                flags.insert(String(token))
            }
        }
        return flags.subtracting(["--help", "--version"])
    }

    @Test("procura --version prints the version")
    func version() async throws {
        let result = try await CLIRunner().run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == ProcuraVersion.current + "\n")
    }

    @Test("an unknown flag (or a missing argument) exits 64 with an `Error:` line, for every command")
    func unknownFlag() async throws {
        let runner = try CLIRunner()
        let commands = try await Self.commands()
        #expect(commands.count >= 20)
        for command in commands {
            let result = try await runner.run(command + ["--no-such-flag"])
            #expect(result.status == 64, "procura \(command.joined(separator: " ")) --no-such-flag exited \(result.status)")
            // The parser reports the first problem it finds: the unknown flag or a missing argument.
            #expect(
                result.stderr.hasPrefix("Error: Unknown option '--no-such-flag'")
                    || result.stderr.hasPrefix("Error: Missing expected argument")
                    || result.stderr.hasPrefix("Error: missing ") || result.stderr.hasPrefix("Error: give "),
                "procura \(command.joined(separator: " ")): \(result.stderr.prefix(200))")
        }
    }

    @Test(
        "a bad flag value exits 64 before any data is read; invalid data exits 65",
        arguments: [
            (["forecast", "no-such-folder", "--model", "foo"], 64, "Error: --model 'foo' — expected auto or one of"),
            (["accuracy", "no-such-folder", "--model", "croston", "--alpha", "0.5"], 64, "Error: "),
            (
                ["plan", "no-such-folder", "--out", "x", "--estimator", "foo"], 64,
                "Error: The value 'foo' is invalid for '--estimator"
            ),
            (["classify", "no-such-folder", "--format", "xml"], 64, "Error: The value 'xml' is invalid for '--format"),
            (["calc", "eoq", "--order-cost", "x", "--demand", "1"], 64, "Error: The value 'x' is invalid for '--order-cost"),
            (["classify", "/no/such/folder"], 65, "Error: data folder '/no/such/folder' not found"),
        ])
    func exitStatus(arguments: [String], status: Int32, prefix: String) async throws {
        let result = try await CLIRunner().run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr.prefix(300))")
        #expect(result.stderr.hasPrefix(prefix), "\(arguments): \(result.stderr.prefix(300))")
    }

    @Test("the README documents every command and every flag its --help lists")
    func readmeMatchesHelp() async throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        // The command reference: `### ` sections whose heading names a `procura` command.
        var sections: [(heading: String, text: String)] = []
        for block in readme.components(separatedBy: "\n### ").dropFirst() {
            let heading = String(block.prefix { $0 != "\n" })
            let body = block.components(separatedBy: "\n## ").first ?? block
            sections.append((heading, body))
        }
        let runner = try CLIRunner()
        var missing: [String] = []
        for command in try await Self.commands() {
            let words = "procura " + command.joined(separator: " ")
            let top = "procura " + command[0]
            // The section of the command, or the one of its parent command (`procura user add|…`).
            let own = sections.filter { $0.heading.contains("`" + words + " ") || $0.heading.contains("`" + words + "`") }
            let parent = sections.filter { $0.heading.contains("`" + top + " ") || $0.heading.contains("`" + top + "`") }
            guard let section = (own.isEmpty ? parent : own).map(\.text).joined(separator: "\n").nilIfEmpty else {
                missing.append("\(words): no README section")
                continue
            }
            let help = try await runner.run(command + ["--help"]).stdout
            for flag in Self.flags(of: help).sorted() where !section.contains(flag) {
                missing.append("\(words): \(flag) is not in its README section")
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
