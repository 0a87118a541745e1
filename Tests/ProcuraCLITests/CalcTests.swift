import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("procura calc")
struct CalcTests {
    /// Runs `procura calc …`, expects exit 0 and one JSON object on stdout.
    func calc(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let result = try await CLIRunner().run(["calc"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
        return try JSONValue.parse(Data(result.stdout.utf8))
    }

    /// Runs `procura calc …`, expects a non-zero exit and returns the first line of stderr.
    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await CLIRunner().run(["calc"] + arguments)
        #expect(result.status != 0, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        return String(result.stderr.split(separator: "\n").first ?? "")
    }

    @Test("Snyder & Shen example 3.1 (stockpyl eoq_basic_00): calc eoq")
    func eoq() async throws {
        let file = try ReferenceFile("stockpyl_eoq.json")
        let c = try #require(file.cases.first { $0["id"].string == "eoq_basic_00" })
        let out = try await calc(["eoq", "--order-cost", "8", "--holding-cost", "0.225", "--demand", "1300"])
        expectClose(
            try #require(out["order_quantity"].double), try #require(c["expected"]["order_quantity"].double), file.tolerance)
        expectClose(try #require(out["cost"].double), try #require(c["expected"]["cost"].double), file.tolerance)
    }

    @Test("stockpyl eoq_all_units_discount_01: calc eoq with breakpoints prints region and cost")
    func allUnits() async throws {
        let out = try await calc([
            "eoq", "--order-cost", "8", "--holding-rate", "0.3", "--demand", "1300", "--breakpoints", "0,400,800",
            "--unit-costs", "0.75,0.72,0.68",
        ])
        #expect(out["order_quantity"].double == 800)
        #expect(out["region"].int == 2)
        expectClose(try #require(out["cost"].double), 978.6000000000001, relative: 1e-12)
    }

    @Test("stockpyl newsvendor_poisson_00: integer base-stock level and cost; keys are sorted")
    func newsvendorPoisson() async throws {
        let result = try await CLIRunner().run([
            "calc", "newsvendor", "--distribution", "poisson", "--holding-cost", "0.18", "--stockout-cost", "0.7",
            "--demand-mean", "50",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\"base_stock_level\": 56, \"cost\": "))
        let out = try JSONValue.parse(Data(result.stdout.utf8))
        expectClose(try #require(out["cost"].double), 1.7972352118091772, relative: 1e-6)
    }

    @Test("Snyder & Shen example 5.8 (stockpyl rq_poisson_exact_00): calc rq --distribution poisson")
    func rqPoisson() async throws {
        let out = try await calc([
            "rq", "--distribution", "poisson", "--holding-cost", "20", "--stockout-cost", "150", "--order-cost", "100",
            "--demand-mean", "1.5", "--lead-time", "2",
        ])
        #expect(out["reorder_point"].int == 3 && out["order_quantity"].int == 5)
        expectClose(try #require(out["cost"].double), 107.92358063314975, relative: 1e-6)
    }

    @Test("stockpyl ss_discrete_exact_poisson_00 and ss_cost_discrete_01: calc ss optimises and evaluates")
    func ss() async throws {
        let out = try await calc(["ss", "--holding-cost", "1", "--stockout-cost", "4", "--order-cost", "5", "--demand-mean", "6"])
        #expect(out["reorder_point"].int == 4 && out["order_up_to_level"].int == 10)
        expectClose(try #require(out["cost"].double), 8.034111561471642, relative: 1e-6)
        let given = try await calc([
            "ss", "--holding-cost", "40", "--stockout-cost", "125", "--order-cost", "150", "--demand-mean", "4",
            "--reorder-point", "2", "--order-up-to-level", "8",
        ])
        expectClose(try #require(given["cost"].double), 226.1493050819509, relative: 1e-6)
    }

    @Test("safety_stock_csl ss_csl_00_a0.90 and fill_rate_k_00_b0.90: calc safety-stock, z or k")
    func safetyStock() async throws {
        let csl = try await calc([
            "safety-stock", "--demand-mean", "100", "--demand-sd", "20", "--lead-time", "7", "--lead-time-sd", "2",
            "--service-level", "0.9",
        ])
        expectClose(try #require(csl["z"].double), 1.2815515655446004, relative: 1e-9)
        expectClose(try #require(csl["sigma_lead_time_demand"].double), 206.881608655772, relative: 1e-9)
        expectClose(try #require(csl["safety_stock"].double), 265.12944945518996, relative: 1e-9)
        expectClose(try #require(csl["reorder_point"].double), 965.12944945519, relative: 1e-9)
        #expect(csl["k"].isNull)
        let fill = try await calc([
            "safety-stock", "--demand-mean", "0", "--demand-sd", "100", "--lead-time", "1", "--fill-rate", "0.9",
            "--order-quantity", "500",
        ])
        expectClose(try #require(fill["k"].double), -0.18804925998809824, relative: 1e-7)
        expectClose(try #require(fill["safety_stock"].double), -18.804925998809825, relative: 1e-7)
        #expect(fill["z"].isNull)
    }

    @Test("stockpyl std_normal_loss_z-4.0000: calc loss --z -4 (a negative value after the flag)")
    func loss() async throws {
        let out = try await calc(["loss", "--z", "-4"])
        expectClose(try #require(out["loss"].double), 4.000007145258432, relative: 1e-12)
        expectClose(try #require(out["complementary_loss"].double), 7.145258432039725e-06, relative: 1e-6)
        expectClose(try #require(out["second_loss"].double), 8.499998454895948, relative: 1e-12)
    }

    @Test("bad or missing flags: non-zero exit and a message naming the flag")
    func errors() async throws {
        #expect(
            try await failure(["eoq", "--order-cost", "8", "--holding-cost", "-1", "--demand", "1300"])
                == "Error: --holding-cost must be a number > 0, got -1")
        #expect(
            try await failure([
                "safety-stock", "--demand-mean", "100", "--demand-sd", "20", "--lead-time", "7", "--fill-rate", "0.98",
            ])
                == "Error: missing --order-quantity (--fill-rate needs the order quantity Q)")
        #expect(
            try await failure([
                "safety-stock", "--demand-mean", "100", "--demand-sd", "20", "--lead-time", "7", "--service-level", "1.5",
            ])
                == "Error: --service-level must be strictly between 0 and 1, got 1.5")
        #expect(
            try await failure(["safety-stock", "--demand-mean", "100", "--demand-sd", "20", "--lead-time", "7"])
                == "Error: give --service-level α, or --fill-rate β with --order-quantity Q")
        #expect(
            try await failure(["newsvendor", "--holding-cost", "1", "--stockout-cost", "2", "--demand-mean", "5"])
                == "Error: missing --demand-sd (normal demand needs its standard deviation)")
        #expect(
            try await failure([
                "rq", "--holding-cost", "1", "--stockout-cost", "2", "--order-cost", "3", "--demand-mean", "5", "--demand-sd",
                "1", "--lead-time", "1", "--reorder-point", "4",
            ])
                == "Error: --reorder-point and --order-quantity go together: give both to evaluate a policy, or neither to optimise"
        )
        #expect(
            try await failure([
                "rq", "--distribution", "poisson", "--method", "eil", "--holding-cost", "1", "--stockout-cost", "2",
                "--order-cost", "3", "--demand-mean", "5", "--lead-time", "1",
            ])
                == "Error: --method for Poisson demand must be exact")
        #expect(
            try await failure([
                "ss", "--holding-cost", "1", "--stockout-cost", "2", "--order-cost", "3", "--demand-mean", "5", "--reorder-point",
                "2.5", "--order-up-to-level", "9",
            ])
                == "Error: --reorder-point must be a whole number for discrete demand, got 2.5")
        #expect(
            try await failure([
                "rq", "--holding-cost", "10", "--stockout-cost", "0.1", "--order-cost", "1000", "--demand-mean", "10",
                "--demand-sd", "2", "--lead-time", "1", "--method", "eil",
            ])
            .hasPrefix("Error: the EIL approximation needs Q·h < p·λ"))
        #expect(try await failure(["eoq", "--order-cost", "8", "--demand", "1300"]) == "Error: missing --holding-cost")
    }
}
