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
        "month-end closes: finance closes the valuation month once; the closed month prints its stored close; a past month is refused naming the closes"
    )
    func closes() async throws {
        let cli = try CLIRunner()
        let folder = try await Self.demo(cli)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite:" + folder.appendingPathComponent("closes.sqlite").path
        #expect(try await cli.run(["import", folder.path, "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("pia", "planner"), ("fin", "finance")] {
            #expect(try await cli.run(["user", "add", user, "--role", role, "--database", database]).status == 0)
        }
        let computedRun = try await cli.run(["exposure", "--database", database, "--format", "json", "--quiet"])
        #expect(computedRun.status == 0, "\(computedRun.stderr)")
        let computed = try JSONValue.parse(computedRun.stdout)
        #expect(computed["source"].string == "computed")
        let month = try #require(computed["month"].string)
        let computedCSV = try await cli.run(["exposure", "--database", database, "--format", "csv", "--quiet"]).stdout

        let planner = try await cli.run(["exposure", "close", "--month", month, "--as", "pia", "--database", database, "--quiet"])
        #expect(
            planner.status == 1
                && planner.stderr
                    == "Error: pia (planner) may not close the exposure report of \(month) — finance or admin may\nnothing was changed\n",
            "\(planner.stderr)")
        let folderMode = try await cli.run(["exposure", "close", folder.path, "--month", month, "--as", "fin"])
        #expect(folderMode.status == 64 && folderMode.stderr.contains("closes need a database"), "\(folderMode.stderr)")

        let closedRun = try await cli.run([
            "exposure", "close", "--month", month, "--as", "fin", "--database", database, "--format", "json", "--quiet",
        ])
        #expect(closedRun.status == 0, "\(closedRun.stderr)")
        let closed = try JSONValue.parse(closedRun.stdout)
        #expect(closed["source"].string == "closed" && closed["closed_by"].string == "fin")
        let closedAt = try #require(closed["closed_at"].string)
        func cents(_ v: JSONValue) -> Int { Int(((v.double ?? .nan) * 100).rounded()) }
        #expect(cents(closed["total"]["exposure_value"]) == cents(computed["total"]["exposure_value"]), "to the cent")
        #expect(closed["lines"] == computed["lines"] && closed["by_cause"] == computed["by_cause"])

        let again = try await cli.run(["exposure", "close", "--month", month, "--as", "fin", "--database", database, "--quiet"])
        #expect(
            again.status == 1
                && again.stderr
                    == "Error: the exposure report of \(month) was closed by fin at \(closedAt) and is final — a month is closed once\nnothing was changed\n",
            "\(again.stderr)")

        let stored = try await cli.run(["exposure", "--database", database, "--month", month, "--format", "json", "--quiet"])
        #expect(try JSONValue.parse(stored.stdout) == closed, "the stored close, as closed")
        let storedCSV = try await cli.run(["exposure", "--database", database, "--month", month, "--format", "csv"])
        #expect(storedCSV.stdout == computedCSV)
        let table = try await cli.run(["exposure", "--database", database, "--month", month, "--quiet"])
        #expect(table.stdout.contains("source: closed — the stored month-end close by fin at \(closedAt)\n"))
        let past = try await cli.run(["exposure", "--database", database, "--month", "2001-01", "--quiet"])
        #expect(past.status == 65)
        #expect(
            past.stderr
                == "Error: month 2001-01 was not closed — the report is computed only for the valuation month \(month) (stock as of \(computed["as_of"].string ?? "")); closed months: \(month)\n",
            "\(past.stderr)")
        let list = try await cli.run(["exposure", "closes", "--database", database, "--format", "csv"])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.split(separator: "\n")
        #expect(rows.first == "month,as_of,currency,item_locations,exposure_value,new_exposure_value,closed_by,closed_at")
        #expect(rows.count == 2 && rows.last?.hasPrefix("\(month),") == true && rows.last?.hasSuffix(",fin,\(closedAt)") == true)
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
