import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Planning
import ProcuraTestSupport
import Storage
import Testing

@testable import WebApp

@Suite("Pages")
struct PageTests {
    @Test("the dashboard shows the KPIs, the ABC-XYZ matrix with counts that add up, alerts, and the groups")
    func dashboard() async throws {
        try await WebFixture.withApp { client, _, _ in
            let session = try await signIn(client, "vic")
            let page = try await client.execute(uri: "/", method: .get, headers: session.headers)
            #expect(page.status == .ok)
            let html = page.text
            for id in [
                "kpi-inventory-value", "kpi-turns", "kpi-days-on-hand", "kpi-fill-rate", "kpi-stockouts", "abc-xyz",
                "by-category", "by-location",
            ] {
                #expect(html.contains("id=\"\(id)\""), "dashboard lacks \(id)")
            }
            #expect(html.contains("At or below the reorder point"))
            #expect(html.contains("id=\"reorder-proposals\""), "reorder alerts link to the proposals")
            #expect(!html.contains("<script"), "no JavaScript")
            #expect(!html.contains("http://") && !html.contains("https://"), "no external resources")
            let counts = html.components(separatedBy: "<a href=\"/items?abc=").dropFirst().compactMap { part -> Int? in
                guard let start = part.range(of: "<strong>"), let end = part.range(of: "</strong>") else { return nil }
                return Int(part[start.upperBound..<end.lowerBound])
            }
            #expect(counts.count == 9)
            #expect(counts.reduce(0, +) > 0)
        }
    }

    @Test(
        "the dashboard figures follow their definitions; the API sends Store.inventoryKPIs; flagged overrides as the plan counts them"
    )
    func dashboardFigures() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let view = try await PlanView.load(from: store)
            let data = view.kpis
            #expect(data.matrix.reduce(0) { $0 + $1.count } == view.rows.count)
            #expect(
                abs(data.matrix.reduce(0) { $0 + $1.value } - view.rows.reduce(0) { $0 + $1.classification.annualValue }) < 1e-6)
            let t = data.total
            let days = Double(data.period.days)
            #expect(data.period.buckets == 52 && data.period.days == 364)
            #expect(t.inventoryValue > 0 && t.costOfGoodsIssued > 0)
            #expect(abs(t.annualUsageValue - t.costOfGoodsIssued * 365 / days) < 1e-6)
            #expect(abs((t.turns ?? 0) - t.annualUsageValue / t.inventoryValue) < 1e-9)
            #expect(abs((t.daysOnHand ?? 0) - t.inventoryValue / (t.costOfGoodsIssued / days)) < 1e-6)
            #expect(t.stockoutDays > 0, "the demo company has stock-outs")
            let fill = try #require(t.fillRate)
            #expect(fill > 0.5 && fill < 1)
            #expect(abs(fill - t.issuedQuantity / (t.issuedQuantity + t.lostQuantity)) < 1e-12)
            for groups in [data.byLocation, data.byCategory, data.byClass] {
                let g = try #require(groups)
                #expect(g.reduce(0) { $0 + $1.stockoutDays } == t.stockoutDays)
                #expect(abs(g.reduce(0) { $0 + $1.inventoryValue } - t.inventoryValue) < 1e-6)
                #expect(g.reduce(0) { $0 + $1.itemLocations } == t.itemLocations)
            }
            // The database path of `procura kpis --database` gives the same document as the API.
            let stored = try await store.inventoryKPIs()
            #expect(stored == data)
            let response = try await client.execute(
                uri: "/api/v1/dashboard", method: .get, headers: apiHeaders(fixture.account("vic").token))
            #expect(response.status == .ok)
            let api = try JSONValueDecoder().decode(
                InventoryKPIs.self, fromText: String(decoding: response.body.data, as: UTF8.self))
            #expect(api == stored)
            // Flagged overrides: every item-location with one, as the plan summary counts them.
            let run = try #require(try await store.listPlanRuns().first)
            let summary = try PlanSummaryJSON.decode(run.summary, run: run.runNumber)
            let flagged = try #require(data.alerts.first { $0.kind == "flagged" })
            #expect(flagged.count == summary.total.flagged)
            #expect(flagged.count == view.rows.filter { $0.policy.flagged }.count)
        }
    }

    @Test(
        "the forecast interval comes from the plan's model: σ growing with the horizon for exponential smoothing, constant for Croston-type models"
    )
    func forecastInterval() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let view = try await PlanView.load(from: store)
            var seen: Set<String> = []
            for row in view.rows {
                guard let f = row.forecast, let sigma1 = f.oneStepErrorSigma, sigma1 > 0, let sigmas = f.intervalSigmas else {
                    continue
                }
                #expect(sigmas.count == f.values.count && abs(sigmas[0] - sigma1) <= 1e-12 * sigma1, "\(row.itemID): σ₁ first")
                if f.model.hasPrefix("croston") || f.model.hasPrefix("tsb") || f.model.hasPrefix("moving-average") {
                    #expect(sigmas.allSatisfy { $0 == sigma1 }, "\(row.itemID) \(f.model): constant")
                    seen.insert("constant")
                } else if f.model == "ses" || f.model.hasPrefix("holt") {
                    #expect(zip(sigmas, sigmas.dropFirst()).allSatisfy { $0 <= $1 }, "\(row.itemID) \(f.model): growing")
                    if sigmas.last! > sigmas[0] * (1 + 1e-9) { seen.insert("growing") }
                }
            }
            #expect(seen == ["constant", "growing"], "the demo plan has both kinds: \(seen)")
            // The API's interval is ŷ ± z·σ_h with the stored σ_h.
            let r = try #require(
                view.rows.firstIndex {
                    ($0.forecast?.intervalSigmas?.last ?? 0) > ($0.forecast?.intervalSigmas?.first ?? 0) * 1.001
                })
            let row = view.rows[r]
            let response = try await client.execute(
                uri: "/api/v1/items/\(row.itemID)/locations/\(row.locationID)/forecast", method: .get,
                headers: apiHeaders(fixture.account("vic").token))
            let points = try JSONValue.parse(response.body.data)["forecast"].array
            let f = try #require(row.forecast)
            for (h, point) in points.enumerated() {
                let sigma = try #require(f.intervalSigmas?[h])
                #expect(point["sigma"].double == sigma)
                #expect(
                    abs((point["upper"].double ?? 0) - (f.values[h] + 1.959963984540054 * sigma)) <= 1e-9 * max(1, f.values[h]))
            }
        }
    }

    /// A DE-North closure of six weeks, as a query value.
    static let prepositionSpec =
        "name: DE-North closure for 6 weeks\nshocks:\n  - kind: closure\n    region: DE-North\n    from: start+0\n    to: start+41\n"
        .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""

    @Test(
        "the pages of the CLI's capabilities: accuracy, reclassification, checks, reconciliation, consignment usage, calculators")
    func capabilityPages() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let session = try await signIn(client, "pia")
            let pages: [(String, [String])] = [
                ("/accuracy?by=location", ["id=\"accuracy-segments\"", "id=\"accuracy-drivers\"", ">all<"]),
                ("/reclassification", ["id=\"moves\"", "plan run 1"]),
                ("/checks", ["id=\"findings\""]),
                (
                    "/reconcile?supplier=\(fixture.supplierA)",
                    ["id=\"intercompany-pairs\"", "id=\"in-transit\"", "id=\"consignment-ledger\""]
                ),
                ("/consignment", ["id=\"usage\"", "Unit price"]),
                ("/suppliers", ["id=\"scorecards\"", "Annual spend", "OTIF", fixture.supplierA]),
                (
                    "/backtest",
                    ["id=\"backtest-classes\"", "id=\"backtest-missed\"", "Target vs achieved per class", "id=\"backtest-file\""]
                ),
                (
                    "/backtest/item?item=\(fixture.itemOfA.item)&location=\(fixture.itemOfA.location)",
                    ["id=\"backtest-chart\"", "id=\"backtest-periods\"", "simulated on hand", "policy maximum"]
                ),
                (
                    "/scenarios",
                    ["id=\"scenario-spec\"", "kind: demand", "Run the stress tests", "href=\"/scenarios/preposition\""]
                ),
                ("/scenarios/preposition", ["id=\"preposition-spec\"", "region: DE-North", "Plan the moves"]),
                (
                    "/scenarios/preposition?spec=" + Self.prepositionSpec,
                    [
                        "id=\"preposition-summary\"", "id=\"preposition-moves\"", "id=\"preposition-open\"",
                        "id=\"preposition-regions\"", "DE-North closure for 6 weeks", "<td>DE-North</td>",
                    ]
                ),
                (
                    "/scenarios/preposition?spec=name%3A%20Bad%0Ashocks%3A%0A%20%20-%20kind%3A%20closure%0A%20%20%20%20region%3A%20Atlantis%0A",
                    ["id=\"preposition-error\"", "the scenario spec is not valid — line 4"]
                ),
                (
                    "/risk/buffer-check",
                    ["id=\"buffer-check\"", "id=\"buffer-check-summary\"", "Do the recommended buffers hold?"]
                ),
                (
                    "/scenarios?stress=port-closure",
                    ["Port closure (6 days) and a 3-week backlog", "Deltas per class", "scenario-breaking"]
                ),
                ("/excess?by=location", ["id=\"excess-groups\"", "id=\"excess-lines\"", "0–180 days", "Provision"]),
                (
                    "/excess/exposure",
                    [
                        "id=\"exposure-totals\"", "id=\"exposure-trend\"", "id=\"exposure-causes\"", "id=\"exposure-by-buyer\"",
                        "id=\"exposure-by-supplier\"", "id=\"exposure-lines\"", "href=\"/api/v1/excess/exposure?format=csv\"",
                        "href=\"/excess/exposure.pdf\"", "over_ordering",
                    ]
                ),
                ("/phase-out", ["id=\"phase-out-totals\"", "Phase-out items are not replenished", "procura phase-out"]),
                (
                    "/process-maps",
                    [
                        "id=\"process-map-purchase-order\"", "id=\"transitions-disposition\"", "id=\"states-emergency-buy\"",
                        "id=\"process-map-provision-run-state-approved\"", "<td>received</td><td>close</td><td>closed</td>",
                        "procura process-map",
                    ]
                ),
                (
                    "/risk",
                    [
                        "id=\"risk-groups\"", "id=\"risk-matrix\"", "id=\"risk-lines\"", "Time to survive", "V/high",
                        "id=\"risk-plans\"",
                    ]
                ),
                ("/kanban", ["id=\"kanban-loops\"", "id=\"kanban-skipped\"", "Cards N = ⌈D·L·(1+α)/C⌉"]),
                (
                    "/consignment/transition?uplift=0.3",
                    ["id=\"transition-lines\"", "procura consignment-transition", "value=\"0.3\"", "30.0 %"]
                ),
                (
                    "/network",
                    [
                        "id=\"network-categories\"", "id=\"network-items\"", "procura network", "Worth pooling",
                        "href=\"/network/echelons\"",
                    ]
                ),
                (
                    "/network/echelons",
                    [
                        "id=\"echelon-categories\"", "id=\"echelon-items\"", "id=\"echelon-skipped\"",
                        "procura network echelons", "Multi-echelon", "Serial model", "Clark–Scarf",
                    ]
                ),
                (
                    "/working-capital?target=1&floors=A:0.9",
                    [
                        "id=\"working-capital-chart\"", "id=\"working-capital-target\"", "not reachable",
                        "data-class=\"A\"", "value=\"A:0.9\"", "procura working-capital",
                    ]
                ),
                ("/stock?item_id=\(fixture.itemOfA.item)", ["id=\"stock-chart\"", "id=\"stock-lots\"", "Lots on hand"]),
                ("/stock", ["Name an item"]),
                (
                    "/kpi-history?by=category",
                    [
                        "id=\"kpi-turnover-chart\"", "id=\"kpi-service-chart\"", "id=\"kpi-history-total\"",
                        "id=\"kpi-history-groups\"", "id=\"root-causes-stockouts\"", "id=\"root-causes-excess\"",
                    ]
                ),
                ("/proposals", ["id=\"proposals\"", "id=\"outcomes\"", "plan run 1", "Item-locations by outcome"]),
                ("/purchase-orders", ["id=\"queue\"", "id=\"orders\"", "Approval queue", "Import confirmations and receipts"]),
                ("/emergency", ["id=\"emergency-buys\"", "No emergency buys."]),
                (
                    "/approval-rules",
                    [
                        "id=\"approval-thresholds\"", "id=\"approval-escalations\"", "None: the value alone decides.",
                        "id=\"approval-delegations\"", "No delegations.",
                    ]
                ),
                ("/emergency/report", ["id=\"deviation-report\"", "id=\"deviation-total\"", "price premium"]),
                (
                    "/calc?model=safety-stock&demand_mean=50&demand_sd=12&lead_time=9&lead_time_sd=2&service_level=0.95",
                    ["id=\"safety-result\"", "z = 1.64"]
                ),
                ("/calc?model=eoq&order_cost=8&holding_cost=0&demand=1300", ["id=\"calc-error\"", "holding cost"]),
            ]
            for (uri, markers) in pages {
                let page = try await client.execute(uri: uri, method: .get, headers: session.headers)
                #expect(page.status == .ok, "\(uri): \(page.status)")
                for marker in markers { #expect(page.text.contains(marker), "\(uri) lacks \(marker)") }
                #expect(!page.text.contains("review_period_days") && !page.text.contains("bucket"), "\(uri) shows field names")
            }
            let supplier = try await signIn(client, "supa")
            let own = try await client.execute(uri: "/consignment", method: .get, headers: supplier.headers)
            #expect(own.status == .ok && !own.text.contains("Unit price") && !own.text.contains(">\(fixture.supplierB)<"))
        }
    }

    @Test(
        "an item page shows the chart with the forecast band, the stock over time, the policy and its derivation, positions, ledger and the override form"
    )
    func itemPage() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let session = try await signIn(client, "pia")
            let (item, location) = fixture.itemOfA
            let page = try await client.execute(
                uri: "/items/\(item)?location=\(location)", method: .get, headers: session.headers)
            #expect(page.status == .ok)
            let html = page.text
            for marker in [
                "id=\"demand-chart\"", "class=\"history\"", "class=\"forecast\"", "class=\"interval\"", "id=\"policy-summary\"",
                "id=\"explanation\"", "id=\"positions\"", "id=\"ledger\"", "id=\"override-form\"", "id=\"classification\"",
                "id=\"requirements-summary\"", "id=\"item-stock-chart\"", "id=\"stock-chart\"",
                ">\(location) owned</text>", "href=\"/stock?item_id=\(item)&amp;location_id=\(location)\"",
            ] {
                #expect(html.contains(marker), "item page lacks \(marker)")
            }
            // The newest entries: the ledger's history postings (the demo's daily issues) or the count.
            #expect(html.contains("daily issues") || html.contains("stock_count"), "recent ledger entries are listed")
        }
    }

    @Test("the override form saves an override with the audit trail, and shows a clear error for a bad value")
    func overrideForm() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let session = try await signIn(client, "pia")
            let (item, location) = fixture.itemOfA
            let (h, b) = session.form([
                ("location", location), ("parameter", "reorder_point"), ("value", "42"), ("valid_from", "2026-11-01"),
                ("valid_to", "2027-02-28"),
                ("reason", "new production line"),
            ])
            let saved = try await client.execute(uri: "/items/\(item)/overrides", method: .post, headers: h, body: b)
            #expect(saved.status == .seeOther)
            let back = try await client.execute(uri: saved.headers[.location] ?? "/", method: .get, headers: session.headers)
            #expect(back.text.contains("Override saved") && back.text.contains("new production line"))
            let stored = try await store.overrides(itemID: item, locationID: location).first { $0.parameter == "reorder_point" }
            #expect(stored?.value == 42 && stored?.author == "pia")
            #expect(
                try await store.auditLog(actor: "pia", actionPrefix: "override.").first?.after.contains("new production line")
                    == true)

            let (h2, b2) = session.form([
                ("location", location), ("parameter", "service_level"), ("value", "1.5"), ("reason", "x"),
            ])
            let refused = try await client.execute(uri: "/items/\(item)/overrides", method: .post, headers: h2, body: b2)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"form-error\""))
        }
    }

    @Test("the item list searches, filters, sorts and pages")
    func itemList() async throws {
        try await WebFixture.withApp { client, _, store in
            let count = try await PlanView.load(from: store).rows.count
            #expect(count > 50)
            let session = try await signIn(client, "vic")
            let all = try await client.execute(uri: "/items", method: .get, headers: session.headers)
            #expect(all.text.contains("\(count) item-locations"))
            #expect(all.text.contains("rel=\"next\""))
            let second = try await client.execute(uri: "/items?page=2", method: .get, headers: session.headers)
            #expect(second.text.contains("showing 51–\(min(100, count))"))
            let filtered = try await client.execute(
                uri: "/items?abc=A&sort=-annual_value", method: .get, headers: session.headers)
            #expect(filtered.status == .ok && !filtered.text.contains("\(count) item-locations"))
            let bad = try await client.execute(uri: "/items?abc=Q", method: .get, headers: session.headers)
            #expect(bad.status == .badRequest)
        }
    }

    @Test("a plan run started from the page shows its progress and ends stored; the audit page lists it for admins")
    func planRunPages() async throws {
        try await WebFixture.withApp { client, _, _ in
            let session = try await signIn(client, "admin")
            let (h, b) = session.form([("label", "from the page")])
            let started = try await client.execute(uri: "/plan-runs", method: .post, headers: h, body: b)
            #expect(started.status == .seeOther)
            let jobURI = try #require(started.headers[.location])
            var html = ""
            for _ in 0..<600 {
                html = try await client.execute(uri: jobURI, method: .get, headers: session.headers).text
                if html.contains("id=\"job-run\"") || html.contains("failed") { break }
                #expect(html.contains("http-equiv=\"refresh\""), "a running job's page refreshes itself")
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(html.contains("Plan run 2"))
            #expect(!html.contains("http-equiv=\"refresh\""))
            let runs = try await client.execute(uri: "/plan-runs", method: .get, headers: session.headers)
            #expect(runs.text.contains("from the page"))
            let compare = try await client.execute(
                uri: "/plan-runs/compare?base=1&other=2", method: .get, headers: session.headers)
            #expect(compare.status == .ok && compare.text.contains("id=\"compare-totals\""))
            let audit = try await client.execute(uri: "/audit", method: .get, headers: session.headers)
            #expect(audit.text.contains("plan_run.store") && audit.text.contains("session.sign_in"))
        }
    }

    @Test("health, metrics, the OpenAPI file and the stylesheet need no sign-in")
    func systemRoutes() async throws {
        try await WebFixture.withApp { client, _, _ in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok && health.text.contains("\"status\":\"ok\""))
            let yaml = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(yaml.status == .ok && yaml.text.hasPrefix("openapi: 3.1.0"))
            let css = try await client.execute(uri: "/static/app.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"), "request counters in Prometheus text format")
        }
    }
}

@Suite("Reconciliation page: a supplier's statement")
struct ReconcileStatementPageTests {
    @Test(
        "a pasted statement is compared with the ledger line by line; a bad line is refused with its place and nothing compared")
    func statement() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let session = try await signIn(client, "pia")
            let view = try await PlanView.load(from: store)
            var chosen: (supplier: String, line: ConsignmentReconciliation.Line)? = nil
            for supplier in view.snapshot.suppliers.map(\.id) {
                if let line = try await store.consignmentReconciliation(supplierID: supplier, statement: []).lines.first {
                    chosen = (supplier, line)
                    break
                }
            }
            let (supplier, line) = try #require(chosen, "the fixture has consignment or VMI stock")
            let ledger = FixedPoint.quantityText(line.ledgerQuantity)
            let text =
                "item_id,location_id,quantity\n\(line.itemID),\(line.locationID),\(ledger)\nNOT-AN-ITEM,\(line.locationID),5\n"
            let (h, b) = session.form([("supplier", supplier), ("statement", text)])
            let compared = try await client.execute(uri: "/reconcile/consignment", method: .post, headers: h, body: b)
            #expect(compared.status == .ok)
            #expect(compared.text.contains("id=\"statement-comparison\""))
            #expect(compared.text.contains("missing in ledger"), "the extra statement line is reported")
            #expect(compared.text.contains("Statement of \(supplier) against our ledger"))

            let (h2, b2) = session.form([
                ("supplier", supplier), ("statement", "item_id,location_id,quantity\n\(line.itemID),\(line.locationID),-3\n"),
            ])
            let refused = try await client.execute(uri: "/reconcile/consignment", method: .post, headers: h2, body: b2)
            #expect(refused.status == .unprocessableContent)
            let errors = refused.text.components(separatedBy: "id=\"statement-errors\"").dropFirst().first ?? ""
            #expect(errors.contains("statement:2:3: quantity"), "\(errors.prefix(400))")
            #expect(errors.contains("-3") && errors.contains("expected a number of base units from 0 to 10¹²"))
            #expect(!refused.text.contains("id=\"statement-comparison\""))
            _ = fixture
        }
    }
}

@Suite("Calculators page: the case-file calculators")
struct CaseCalculatorPageTests {
    @Test("a kanban input gives its cards on the page; bad JSON is refused with its place; suppliers may not use it")
    func kanban() async throws {
        try await WebFixture.withApp { client, _, _ in
            let session = try await signIn(client, "pia")
            let page = try await client.execute(uri: "/calc", method: .get, headers: session.headers)
            #expect(page.text.contains("id=\"calc-case\"") && page.text.contains("value=\"hold-or-dispose\""))
            let input = #"{"demand_per_period": 100, "lead_time_periods": 2, "safety_factor": 0.1, "container_size": 50}"#
            let (h, b) = session.form([("calculator", "kanban"), ("input", input)])
            let result = try await client.execute(uri: "/calc/case", method: .post, headers: h, body: b)
            #expect(result.status == .ok)
            let table = result.text.components(separatedBy: "id=\"case-result\"").dropFirst().first ?? ""
            #expect(table.contains("<th>cards</th><td>5</td>"), "\(table.prefix(600))")

            let (h2, b2) = session.form([("calculator", "kanban"), ("input", #"{"demand_per_period": 100,}"#)])
            let bad = try await client.execute(uri: "/calc/case", method: .post, headers: h2, body: b2)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("line 1, column 27: unexpected"))

            let supplier = try await signIn(client, "supa")
            let (h3, b3) = supplier.form([("calculator", "kanban"), ("input", input)])
            #expect(try await client.execute(uri: "/calc/case", method: .post, headers: h3, body: b3).status == .forbidden)
        }
    }
}
