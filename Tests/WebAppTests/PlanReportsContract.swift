import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing
import Workflow

@testable import WebApp

/// The plan's reports in the contract test (``APIContractTests``, split out so that no one function
/// is too large to compile in reasonable memory): phase-out, process maps, excess exposure, supply
/// risk, kanban, consignment → owned, network and working capital — each response's figures add up
/// and each refuses suppliers and anonymous callers.
enum PlanReportsContract {
    static func exercise(
        _ api: ContractRecorder, admin: HTTPFields, viewer: HTTPFields, supplier: HTTPFields, excess ex: JSONValue
    ) async throws {
        // The phase-out report: its totals are the sums of its lines.
        let phaseOutPath = "/api/v1/phase-out"
        let phaseOut = try JSONValue.parse(
            try await api.call(.get, phaseOutPath, phaseOutPath, headers: viewer, expect: .ok).body.data)
        #expect(phaseOut["pairs"].double == Double(phaseOut["lines"].array.count))
        expectClose(
            phaseOut["lines"].array.reduce(0.0) { $0 + ($1["surplus_value"].double ?? 0) },
            phaseOut["surplus_value"].double ?? .nan, relative: 1e-9, "Σ surplus values = total")
        try await api.call(.get, phaseOutPath, phaseOutPath, headers: supplier, expect: .forbidden)
        try await api.call(.get, phaseOutPath, phaseOutPath, headers: [:], expect: .unauthorized)
        // Process maps: the state machines drawn from the rules.
        let mapsPath = "/api/v1/process-maps"
        let maps = try JSONValue.parse(try await api.call(.get, mapsPath, mapsPath, headers: viewer, expect: .ok).body.data)
        #expect(maps["process_maps"].array.compactMap { $0["name"].string } == ProcessMap.names)
        let mapPath = "/api/v1/process-maps/{name}"
        let poMap = try JSONValue.parse(
            try await api.call(.get, mapPath, "/api/v1/process-maps/purchase-order", headers: viewer, expect: .ok).body.data)
        #expect(
            poMap["initial"].string == "proposed"
                && poMap["transitions"].array.count == ProcessMap.purchaseOrder.transitions.count)
        #expect(poMap["mermaid"].string == ProcessMap.purchaseOrder.mermaid)
        try await api.call(.get, mapPath, "/api/v1/process-maps/no-such-map", headers: viewer, expect: .notFound)
        try await api.call(.get, mapPath, "/api/v1/process-maps/..%2Fpurchase-order", headers: viewer, expect: .notFound)
        try await api.call(.get, mapsPath, mapsPath, headers: supplier, expect: .forbidden)
        try await api.call(.get, mapPath, "/api/v1/process-maps/disposition", headers: supplier, expect: .forbidden)
        try await api.call(.get, mapPath, "/api/v1/process-maps/disposition", headers: [:], expect: .unauthorized)
        // The exposure report: procura excess's totals, every grouping adding up to the total.
        let exposurePath = "/api/v1/excess/exposure"
        let exposure = try JSONValue.parse(
            try await api.call(.get, exposurePath, exposurePath, headers: viewer, expect: .ok).body.data)
        #expect(exposure["excess_value"].double == ex["total"]["excess_value"].double)
        #expect(exposure["obsolete_value"].double == ex["total"]["obsolete_value"].double)
        for grouping in ["by_category", "by_location", "by_buyer", "by_planner", "by_supplier", "by_cause"] {
            expectClose(
                exposure[grouping].array.reduce(0.0) { $0 + ($1["exposure_value"].double ?? 0) },
                exposure["total"]["exposure_value"].double ?? .nan, relative: 1e-9, "Σ \(grouping) = total")
        }
        // A viewer sees the personal view; an administrator the whole report (same totals).
        #expect(exposure["personal_view"] == .bool(true))
        #expect(
            exposure["by_buyer"].array.allSatisfy { ["vic", "(none)", "(other people)"].contains($0["name"].string ?? "") })
        let whole = try JSONValue.parse(
            try await api.call(.get, exposurePath, exposurePath, headers: admin, expect: .ok).body.data)
        #expect(whole["personal_view"] == .bool(false) && whole["total"] == exposure["total"])
        let month = exposure["month"].string ?? ""
        let exposureCSV = try await api.call(
            .get, exposurePath, exposurePath + "?format=csv&month=\(month)", headers: viewer, expect: .ok)
        #expect(
            String(buffer: exposureCSV.body).hasPrefix(
                "month,as_of,currency,item_id,location_id,category,supplier_id,buyer,planner,cause,family,units,value,new_value,evidence\n"
            ))
        let badMonth = try await api.call(
            .get, exposurePath, exposurePath + "?month=2026-1", headers: viewer, expect: .badRequest)
        #expect(
            try JSONValue.parse(badMonth.body.data)["detail"].string
                == "query parameter 'month': month '2026-1' is not a month YYYY-MM (e.g. 2026-11)")
        try await api.call(
            .get, exposurePath, exposurePath + "?month=2001-01", headers: viewer, expect: .unprocessableContent)
        try await api.call(.get, exposurePath, exposurePath, headers: supplier, expect: .forbidden)
        try await api.call(.get, exposurePath, exposurePath, headers: [:], expect: .unauthorized)
        // Supply exposure: groups add up; exposed lines run out before supply recovers.
        let riskPath = "/api/v1/risk/exposure"
        let risk = try JSONValue.parse(
            try await api.call(.get, riskPath, riskPath, headers: viewer, expect: .ok).body.data)
        #expect(
            risk["by_criticality"].array.reduce(0) { $0 + ($1["item_locations"].int ?? 0) }
                == risk["total"]["item_locations"].int)
        #expect(risk["lines"].array.count == risk["total"]["item_locations"].int)
        #expect(
            risk["matrix"].array.map { $0["name"].string ?? "" } == ["V/high", "V/low", "E/high", "E/low", "D/high", "D/low"])
        #expect(
            risk["matrix"].array.reduce(0) { $0 + ($1["item_locations"].int ?? 0) } == risk["total"]["item_locations"].int)
        for line in risk["lines"].array where line["exposed"] == .bool(true) {
            #expect((line["time_to_survive_days"].double ?? .infinity) < (line["time_to_recover_days"].double ?? 0))
        }
        let exposedOnly = try JSONValue.parse(
            try await api.call(.get, riskPath, riskPath + "?exposed=true", headers: viewer, expect: .ok).body.data)
        #expect(exposedOnly["lines"].array.count == risk["total"]["exposed"].int)
        try await api.call(.get, riskPath, riskPath + "?exposed=yes", headers: viewer, expect: .badRequest)
        try await api.call(.get, riskPath, riskPath, headers: supplier, expect: .forbidden)
        try await api.call(.get, riskPath, riskPath, headers: [:], expect: .unauthorized)
        // The kanban board: N = ⌈D·L·(1+α)/C⌉ and N·C on every loop; totals add up.
        let board = try JSONValue.parse(
            try await api.call(.get, "/api/v1/kanban", "/api/v1/kanban", headers: viewer, expect: .ok).body.data)
        for loop in board["loops"].array {
            let exact = loop["cards_exact"].double ?? .nan
            let cards = loop["cards"].int ?? -1
            #expect(Double(cards) >= exact - 1e-9 && Double(cards) < exact + 1, "\(loop["item_id"])")
            #expect(loop["max_inventory"].int == cards * (loop["container_size"].int ?? 0))
        }
        #expect(board["total_cards"].int == board["loops"].array.reduce(0) { $0 + ($1["cards"].int ?? 0) })
        try await api.call(.get, "/api/v1/kanban", "/api/v1/kanban", headers: supplier, expect: .forbidden)
        try await api.call(.get, "/api/v1/kanban", "/api/v1/kanban", headers: [:], expect: .unauthorized)
        try await ConsignmentTransitionContract.exercise(api, viewer: viewer, supplier: supplier)
        // The network report: per item the pooled stock is z·σ_pooled·√L_c, Σ per location adds
        // up, the categories add up to the total.
        let network = try JSONValue.parse(
            try await api.call(.get, "/api/v1/network", "/api/v1/network", headers: viewer, expect: .ok).body.data)
        for line in network["lines"].array {
            let sites = line["sites"].array
            #expect(sites.count >= 2, "\(line["item_id"])")
            expectClose(
                sites.reduce(0.0) { $0 + ($1["safety_stock_formula"].double ?? .nan) },
                line["safety_stock_decentralised"].double ?? .nan, relative: 1e-9, absolute: 1e-9)
            expectClose(
                (line["safety_stock_decentralised"].double ?? .nan) - (line["safety_stock_pooled"].double ?? .nan),
                line["saving_units"].double ?? .nan, relative: 1e-9, absolute: 1e-9)
        }
        #expect(network["total"]["items"].int == network["lines"].array.count)
        #expect(network["by_category"].array.reduce(0) { $0 + ($1["items"].int ?? 0) } == network["total"]["items"].int)
        try await api.call(.get, "/api/v1/network", "/api/v1/network", headers: supplier, expect: .forbidden)
        try await api.call(.get, "/api/v1/network", "/api/v1/network", headers: [:], expect: .unauthorized)
        // Multi-echelon buffers: per item Σ per location adds up, each location's NRT = SI + T − S ≥ 0,
        // the saving is single-stage − echelon, the categories add up to the total.
        let echelonsPath = "/api/v1/network/echelons"
        let echelons = try JSONValue.parse(
            try await api.call(.get, echelonsPath, echelonsPath, headers: viewer, expect: .ok).body.data)
        #expect(echelons["transfer_lead_time_days"].double == 1)
        #expect(!echelons["lines"].array.isEmpty, "the demo cross-docks: some items form hub trees")
        for line in echelons["lines"].array {
            let sites = line["sites"].array
            #expect(sites.count >= 2 && sites[0]["location_id"] == line["hub_location_id"], "\(line["item_id"])")
            for site in sites {
                let nrt = site["net_replenishment_time"].int ?? -1
                #expect(
                    nrt
                        == (site["inbound_service_time"].int ?? 0) + (site["processing_periods"].int ?? 0)
                        - (site["committed_service_time"].int ?? 0) && nrt >= 0)
            }
            expectClose(
                sites.reduce(0.0) { $0 + ($1["safety_stock_echelon"].double ?? .nan) },
                line["safety_stock_echelon"].double ?? .nan, relative: 1e-9, absolute: 1e-9)
            expectClose(
                (line["safety_stock_single_stage"].double ?? .nan) - (line["safety_stock_echelon"].double ?? .nan),
                line["saving_units"].double ?? .nan, relative: 1e-9, absolute: 1e-9)
        }
        #expect(echelons["total"]["items"].int == echelons["lines"].array.count)
        // The serial model: on every chain (a note otherwise), per location levels that add up to the line's total.
        #expect(echelons["transfer_cost_rate"].double == 0.02)
        var chains = 0
        for line in echelons["lines"].array {
            if line["safety_stock_ssm"] != .null, let total = line["safety_stock_ssm"].double {
                chains += 1
                #expect(line["ssm_note"] == .null && (line["ssm_backorder_cost_per_period"].double ?? 0) > 0)
                expectClose(
                    line["sites"].array.reduce(0.0) { $0 + ($1["ssm_safety_stock"].double ?? .nan) }, total, relative: 1e-9,
                    absolute: 1e-9)
            } else {
                #expect(line["ssm_note"].string?.isEmpty == false, "\(line["item_id"])")
            }
        }
        #expect(echelons["total"]["ssm_items"].int == chains)
        #expect(
            echelons["by_category"].array.reduce(0) { $0 + ($1["items"].int ?? 0) } == echelons["total"]["items"].int)
        try await api.call(.get, echelonsPath, echelonsPath, headers: supplier, expect: .forbidden)
        try await api.call(.get, echelonsPath, echelonsPath, headers: [:], expect: .unauthorized)
        // Working capital vs service: per class the frontier rises with service; today's total is
        // the classes' sum; a target's choice stays within it and above every floor.
        let wcPath = "/api/v1/working-capital"
        let wc = try JSONValue.parse(try await api.call(.get, wcPath, wcPath, headers: viewer, expect: .ok).body.data)
        #expect(!wc["classes"].array.isEmpty && wc["levels"].array.count == 11)
        for c in wc["classes"].array {
            let investments = c["frontier"].array.compactMap { $0["investment"].double }
            #expect(investments.count == 11 && zip(investments, investments.dropFirst()).allSatisfy { $0 <= $1 + 1e-6 })
        }
        let today = wc["current"]["investment"].double ?? .nan
        #expect(
            abs(today - wc["classes"].array.reduce(0) { $0 + ($1["current"]["investment"].double ?? 0) }) < 1e-6
                * max(1, today))
        // The least reachable above the floors, by hand from the frontiers; a target halfway to it.
        let least = wc["classes"].array.reduce(0.0) { sum, c in
            let floor = c["floor"].double ?? 1
            let points = [c["current"]] + c["frontier"].array
            return sum
                + (points.filter { ($0["service"].double ?? 0) >= floor - 1e-12 }.compactMap { $0["investment"].double }.min()
                    ?? 0)
        }
        #expect(least <= today + 1e-6)
        let goal = ((today + least) / 2).rounded(.up)
        let reached = try JSONValue.parse(
            try await api.call(.get, wcPath, wcPath + "?target=\(Int(goal))", headers: viewer, expect: .ok).body.data)
        #expect(reached["target"]["feasible"] == .bool(true), "\(reached["target"])")
        #expect((reached["target"]["investment"].double ?? .infinity) <= goal + 1e-6)
        for choice in reached["target"]["classes"].array {
            let floor = reached["classes"].array.first { $0["class"] == choice["class"] }?["floor"].double ?? 1
            #expect((choice["point"]["service"].double ?? 0) >= floor - 1e-12)
        }
        let badLevels = try await api.call(.get, wcPath, wcPath + "?levels=0.9,1.5", headers: viewer, expect: .badRequest)
        #expect(
            String(buffer: badLevels.body).contains("levels: '1.5' is not valid — expected a service level between 0 and 1"))
        try await api.call(.get, wcPath, wcPath + "?floors=D:0.9", headers: viewer, expect: .badRequest)
        try await api.call(.get, wcPath, wcPath + "?target=1e400", headers: viewer, expect: .badRequest)
        try await api.call(.get, wcPath, wcPath, headers: supplier, expect: .forbidden)
        try await api.call(.get, wcPath, wcPath, headers: [:], expect: .unauthorized)
    }
}
