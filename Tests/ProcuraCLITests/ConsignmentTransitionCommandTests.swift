import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura consignment-transition` on a demo company whose sourcing has four consignment lines.
@Suite("procura consignment-transition")
struct ConsignmentTransitionCommandTests {
    /// The rows of a CSV file of the demo folder (a quoted field may hold commas).
    static func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(fields)
        let header = lines[0]
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The fields of one CSV line.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for c in line {
            if c == "\"" {
                quoted.toggle()
            } else if c == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    /// A number of a CSV field; NaN when absent or not a number.
    static func number(_ field: String?) -> Double {
        guard let field, let value = Double(field) else { return .nan }
        return value
    }

    @Test(
        "every consignment line of sourcing.csv, its uplift from the price per base unit; premium, owning cost and saving by formula; the calculator agrees; --uplift; a bad uplift exits 64"
    )
    func demoCompany() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-ct-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        let costs = Dictionary(
            uniqueKeysWithValues: try Self.rows(folder.appendingPathComponent("items.csv").path).map {
                ($0["item_id"] ?? "", Self.number($0["unit_cost"]))
            })
        let consignment = try Self.rows(folder.appendingPathComponent("sourcing.csv").path).filter {
            $0["ownership"] == "consignment"
        }
        #expect(consignment.count == 4)

        let run = try await cli.run(["consignment-transition", folder.path, "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let d = try JSONValue.parse(run.stdout)
        let lines = d["lines"].array
        #expect(lines.count + d["skipped"].array.count == consignment.count)
        #expect(Set(lines.map { "\($0["item_id"].string ?? "")@\($0["location_id"].string ?? "")" }).count == lines.count)
        var moving = 0
        var saving = 0.0
        for line in lines {
            let id = line["item_id"].string ?? ""
            let source = try #require(
                consignment.first { $0["item_id"] == id && $0["location_id"] == line["location_id"].string })
            // The consignment price per base unit: FST-10023 is bought by the BOX of 500.
            let unitPrice: Double = Self.number(source["unit_price"])
            let unitsPerPurchaseUnit: Double = Self.number(source["units_per_purchase_uom"])
            let price: Double = unitPrice / unitsPerPurchaseUnit
            let cost: Double = costs[id] ?? .nan
            expectClose(line["consignment_price"].double ?? .nan, price, relative: 1e-12, id)
            expectClose(line["unit_cost"].double ?? .nan, cost, relative: 1e-12, id)
            let u: Double = price / cost - 1
            expectClose(line["uplift_rate"].double ?? .nan, u, relative: 1e-9, id)
            #expect(line["uplift_basis"].string == "sourcing_price")
            #expect(line["erratic_demand"] == .bool(line["xyz"].string == "Z"))
            // Premium u·c·D against owning: holding h·c·(Q/2 + SS) + ordering K·D/Q.
            let r: JSONValue = line["result"]
            let demand: Double = line["annual_demand"].double ?? .nan
            let h: Double = line["holding_rate"].double ?? .nan
            let k: Double = line["order_cost"].double ?? .nan
            let ss: Double = line["safety_stock"].double ?? .nan
            let q: Double = r["order_quantity"].double ?? .nan
            if let given = line["order_quantity"].double { #expect(q == given, "\(id): the policy's lot size") }
            let premium: Double = u * cost * demand
            let holding: Double = h * cost * (q / 2 + ss)
            let ordering: Double = k * demand / q
            expectClose(r["consignment_premium"].double ?? .nan, premium, relative: 1e-9, id)
            expectClose(r["owned_holding_cost"].double ?? .nan, holding, relative: 1e-9, id)
            expectClose(r["owned_ordering_cost"].double ?? .nan, ordering, relative: 1e-9, id)
            let premiumPaid: Double = r["consignment_premium"].double ?? .nan
            let owned: Double = r["owned_total_cost"].double ?? .nan
            let s: Double = premiumPaid - owned
            expectClose(r["saving_if_owned"].double ?? .nan, s, relative: 1e-9, absolute: 1e-9, id)
            #expect(line["decision"].string == (s > 0 ? "move_to_owned" : "stay_on_consignment"), "\(id)")
            if s > 0 {
                moving += 1
                saving += s
            }
            // The calculator of `procura calc consignment` gives the same answer on the line's figures.
            let input = folder.appendingPathComponent("\(id).json")
            try
                #"{"annual_demand": \#(demand), "unit_cost": \#(cost), "consignment_uplift_rate": \#(u), "holding_rate": \#(h), "order_cost": \#(k), "safety_stock": \#(ss), "order_quantity": \#(q)}"#
                .write(to: input, atomically: true, encoding: .utf8)
            let calc = try JSONValue.parse(
                try await cli.run(["calc", "consignment", "--input", input.path, "--format", "json"]).stdout)
            expectClose(calc["saving_if_owned"].double ?? .nan, s, relative: 1e-9, absolute: 1e-9, id)
        }
        #expect(d["move_to_owned"].int == moving)
        expectClose(d["saving_if_moved"].double ?? .nan, saving, relative: 1e-9, absolute: 1e-9)
        let savings = lines.map { $0["result"]["saving_if_owned"].double ?? -.infinity }
        #expect(savings == savings.sorted(by: >), "the largest saving first")

        let given = try JSONValue.parse(
            try await cli.run(["consignment-transition", folder.path, "--uplift", "0.5", "--format", "json", "--quiet"]).stdout)
        #expect(given["uplift"].double == 0.5 && given["lines"].array.count == lines.count)
        for line in given["lines"].array {
            #expect(line["uplift_rate"].double == 0.5 && line["uplift_basis"].string == "given")
        }
        let csv = try await cli.run(["consignment-transition", folder.path, "--format", "csv", "--quiet"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == lines.count + 1)
        #expect(csv.stdout.hasPrefix("item_id,location_id,category,supplier_id,xyz,coefficient_of_variation,annual_demand"))
        let table = try await cli.run(["consignment-transition", folder.path, "--quiet"])
        #expect(table.stdout.hasPrefix("Consignment → owned as of "))
        #expect(table.stdout.contains("\(lines.count) consignment item-locations, \(moving) to move to owned"))

        let bad = try await cli.run(["consignment-transition", folder.path, "--uplift=-0.1"])
        #expect(bad.status == 64)
        #expect(
            bad.stderr.contains(
                "--uplift -0.1 — expected a rate from 0 to 100 (0.04 = the consignment price is 4 % above the owned cost)"))
    }
}
