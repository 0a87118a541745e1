import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura exposure` on a demo company.
@Suite("procura exposure", .serialized)
struct ExposureCommandTests {
    static func demo(_ cli: CLIRunner) async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-exposure-\(UUID().uuidString)")
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        return folder
    }

    @Test("the total is procura excess's; every grouping and the CSV add up to it; a bad or other month is refused")
    func demoCompany() async throws {
        let cli = try CLIRunner()
        let folder = try await Self.demo(cli)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try await cli.run(["exposure", folder.path, "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let r = try JSONValue.parse(json.stdout)
        let excess = try JSONValue.parse(try await cli.run(["excess", folder.path, "--format", "json", "--quiet"]).stdout)
        #expect(r["excess_value"].double == excess["total"]["excess_value"].double)
        #expect(r["obsolete_value"].double == excess["total"]["obsolete_value"].double)
        let total = r["total"]["exposure_value"].double ?? .nan
        #expect(total > 0)
        for grouping in ["by_category", "by_location", "by_buyer", "by_planner", "by_supplier", "by_cause"] {
            for key in ["exposure_value", "new_exposure_value", "decision_value"] {
                let sum = r[grouping].array.reduce(0.0) { $0 + ($1[key].double ?? .nan) }
                expectClose(sum, r["total"][key].double ?? .nan, relative: 1e-9, "\(grouping) \(key)")
            }
        }
        let families = r["total"]["by_family"].array.reduce(0.0) { $0 + ($1.double ?? .nan) }
        expectClose(families, total, relative: 1e-9, "families")
        let csv = try await cli.run(["exposure", folder.path, "--format", "csv", "--quiet"])
        let rows = csv.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == r["attributions"].array.count)
        let month = r["month"].string ?? ""
        let table = try await cli.run(["exposure", folder.path, "--month", month, "--by", "supplier", "--quiet"])
        #expect(table.status == 0 && table.stdout.hasPrefix("Excess exposure \(month) as of "), "\(table.stderr)")
        #expect(table.stdout.contains("By supplier") && table.stdout.contains("forecast_drop"))

        let bad = try await cli.run(["exposure", folder.path, "--month", "2026-13"])
        #expect(
            bad.status == 64 && bad.stderr.contains("--month: month '2026-13' is not a month YYYY-MM (e.g. 2026-11)"),
            "\(bad.stderr)")
        let other = try await cli.run(["exposure", folder.path, "--month", "2001-01", "--quiet"])
        #expect(other.status == 65, "\(other.stderr)")
        #expect(other.stderr.hasPrefix("Error: month 2001-01 — the exposure is of the stock as of "), "\(other.stderr)")
        let noBrowser = try await cli.run(
            ["exposure", folder.path, "--pdf", folder.appendingPathComponent("r.pdf").path, "--quiet"],
            environment: ["PATH": "/nonexistent", "PROCURA_CHROMIUM": ""])
        #expect(noBrowser.status == 1)
        #expect(
            noBrowser.stderr.contains("PDF export needs chromium: apt-get install chromium"), "\(noBrowser.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.pdf").path))
    }

    @Test(
        "--pdf prints the report's page with chromium: a PDF of at least one page",
        .enabled(if: WebTools.enabled, "PDF test skipped: set PROCURA_BROWSER_TESTS=1 (see .ci/web-tools.sh)"))
    func pdf() async throws {
        let cli = try CLIRunner()
        let folder = try await Self.demo(cli)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("exposure.pdf")
        let run = try await cli.run(["exposure", folder.path, "--pdf", file.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: file)
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        let info = try await offThePool { () -> String in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["pdfinfo", file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        #expect((pages ?? 0) >= 1, "pdfinfo: \(info)")
    }
}
