import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura calc NAME --input FILE`: the reference cases through the command line, standard input,
/// the table format, and refused inputs (exit 65, the file and field named, nothing on stdout).
@Suite("procura calc NAME --input FILE")
struct CaseCalcCommandTests {
    static let commands: [(name: String, file: String, kind: String?)] = [
        ("pooling", "risk_pooling.json", nil), ("gsm", "stockpyl_meio.json", "gsm_tree"),
        ("ssm", "stockpyl_meio.json", "ssm_optimal_poisson"), ("kanban", "kanban_sizing.json", "kanban_cards"),
        ("two-bin", "kanban_sizing.json", "two_bin"), ("hold-or-dispose", "npv_hold_vs_dispose.json", nil),
        ("consignment", "consignment_transition.json", nil), ("excess", "excess_obsolescence.json", "obsolete"),
        ("backtest", "policy_backtest.json", nil), ("kpis", "inventory_kpis.json", "moving_average"),
        ("simulate", "stockpyl_sim_disruptions.json", nil),
    ]

    @Test("each calculator reads a reference case from a file and prints its expected figures")
    func referenceCaseFromFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-calc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in Self.commands {
            let file = try ReferenceFile(command.file)
            let c = try #require(file.cases.first { command.kind == nil || $0["kind"].string == command.kind })
            var args = c["args"]
            if command.name == "ssm", case .object(let members) = args {
                args = .object(members + [("method", .string("optimal"))])
            }
            let path = folder.appendingPathComponent("\(command.name).json").path
            try args.compact.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try await CLIRunner().run(["calc", command.name, "--input", path, "--format", "json"])
            #expect(result.status == 0, "\(command.name): \(result.stderr)")
            let out = try JSONValue.parse(Data(result.stdout.utf8))
            for (key, expected) in c["expected"].object
            where !key.hasSuffix("_note") && key != "cst_unique" && key != "number_of_optimal_cst_vectors" {
                switch expected {
                case .number(let want):
                    expectClose(out[key].double ?? .nan, want, relative: 1e-6, absolute: 1e-6, "\(command.name).\(key)")
                case .integer(let want): #expect(out[key].double == Double(want), "\(command.name).\(key): \(out[key])")
                case .string(let want): #expect(out[key].string == want, "\(command.name).\(key)")
                case .object, .array:
                    // policy_backtest gives the first 30 days of the trace the command prints in full.
                    let actual =
                        key == "trace_first_30_days" ? JSONValue.array(Array(out["trace"].array.prefix(30))) : out[key]
                    ReferenceComparison.expectMatches(
                        actual, expected, Tolerance(relative: 1e-6, absolute: 1e-6), "\(command.name).\(key)")
                default: #expect(out[key] != .null, "\(command.name): \(key) missing")
                }
            }
        }
    }

    @Test("standard input and the table format: Toyota formula, 120 × 2.5 × 1.1 / 25 → 14 cards")
    func standardInputTable() async throws {
        let result = try await CLIRunner().run(
            ["calc", "kanban", "--input", "-", "--format", "table"],
            stdin: #"{"demand_per_period":120,"lead_time_periods":2.5,"safety_factor":0.1,"container_size":25}"#)
        #expect(result.status == 0)
        #expect(result.stdout == "cards_exact     13.2\ncards           14\ncontainer_size  25\nmax_inventory   350\n")
    }

    @Test("refused inputs exit 65 naming the file and the field; nothing is printed on stdout")
    func refusals() async throws {
        let cases: [(String, String, String)] = [
            (
                "pooling", #"{"means":[1,2],"sds":[1,-2],"lead_time":2,"cycle_service_level":0.9}"#,
                "Error: standard input: sds[1] must be ≥ 0, got -2.0"
            ),
            (
                "gsm",
                #"{"nodes":[{"index":1,"predecessors":[2],"local_holding_cost":1,"processing_time":1,"demand_bound_constant":1,"demand_mean":1,"demand_standard_deviation":1},{"index":2,"predecessors":[1],"local_holding_cost":1,"processing_time":1,"demand_bound_constant":1}]}"#,
                "Error: standard input: the arc 1 → 2 closes a cycle — the guaranteed-service model needs a tree (no cycle, even ignoring the arcs' direction)"
            ),
            (
                "gsm", #"{"nodes":[{"index":1,"local_holding_cost":1,"demand_bound_constant":1}]}"#,
                "Error: standard input: missing field processing_time in nodes[0]"
            ),
            (
                "ssm",
                #"{"node_order_downstream_first":[1],"echelon_holding_cost":{"1":1},"lead_time":{"1":1},"stockout_cost":5,"demand_type":"poisson","demand_mean":-4,"method":"optimal"}"#,
                "Error: standard input: demand_mean must be > 0, got -4.0"
            ),
            ("hold-or-dispose", #"{"units_on_hand":1}"#, "Error: standard input: missing field unit_book_value"),
            (
                "two-bin",
                #"{"demand_per_period":1e300,"demand_sd_per_period":1e300,"lead_time_periods":1e10,"cycle_service_level":0.9}"#,
                "Error: standard input: a bin of d·L + z·σ_d·√L = inf units (safety stock 1.2815515655446009e+305) is too large to count — check demand_per_period, demand_sd_per_period and lead_time_periods"
            ),
        ]
        for (name, body, message) in cases {
            let result = try await CLIRunner().run(["calc", name, "--input", "-"], stdin: body)
            #expect(result.status == 65, "\(name): \(result.status)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").first.map(String.init) == message)
        }
        let missing = try await CLIRunner().run(["calc", "consignment", "--input", "/nonexistent/input.json"])
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("Error: /nonexistent/input.json: cannot read the file — check the path"))
    }
}
