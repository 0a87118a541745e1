import DataImport
import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Simulation
import Workflow

/// The policy back-test (`procura backtest`): `GET /api/v1/backtest[?from=&to=&unmet_demand=&lead_times=&split_sourcing=]`,
/// `POST /api/v1/backtest` (a policies file replayed instead of the plan's), `GET
/// /api/v1/backtest/trace?item=&location=` (one item-location period by period), and the pages
/// `/backtest` (with a form for a policies file) and `/backtest/item` (the chart of simulated
/// against recorded stock) — ``Planning/PolicyBacktest`` on the database's data as the server read
/// it and its plan, computed once per view (each back-test once per choice of options). Who sees
/// planning data.
struct BacktestEndpoints {
    let state: WebState

    /// `POST /api/v1/backtest`'s body.
    struct FileRequest: Codable {
        /// The policies file as CSV text (docs/backtest.md).
        var policiesCsv: String
        var from: String?
        var to: String?
        var unmetDemand: String?
        var leadTimes: String?
        var splitSourcing: Bool?
    }

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("backtest", use: show)
        api.post("backtest", use: showFile)
        api.get("backtest/trace", use: trace)
        pages.get("backtest", use: page)
        pages.post("backtest", use: pageFile)
        pages.get("backtest/item", use: itemPage)
    }

    /// The options of a query (or a form): window, unmet demand, lead times, split sourcing.
    static func options(
        from: String?, to: String?, unmetDemand: String?, leadTimes: String?, splitSourcing: String?
    ) throws -> PolicyBacktestOptions {
        func day(_ name: String, _ text: String?) throws -> Day? {
            guard let text, !text.isEmpty else { return nil }
            guard let day = Day(iso: text) else {
                throw Problem.badRequest("\(name) must be a date YYYY-MM-DD, got '\(text)'", code: "invalid_parameter")
            }
            return day
        }
        var options = PolicyBacktestOptions(from: try day("from", from), to: try day("to", to))
        if let unmetDemand, !unmetDemand.isEmpty {
            guard let value = PolicySimulationInput.UnmetDemand(rawValue: unmetDemand) else {
                throw Problem.badRequest(
                    "unmet_demand must be backorder or lost_sales, got '\(unmetDemand)'", code: "invalid_parameter")
            }
            options.unmetDemand = value
        }
        if let leadTimes, !leadTimes.isEmpty {
            guard let value = PolicyBacktestOptions.LeadTimeReplay(rawValue: leadTimes) else {
                throw Problem.badRequest("lead_times must be per_order or mean, got '\(leadTimes)'", code: "invalid_parameter")
            }
            options.leadTimes = value
        }
        if let splitSourcing, !splitSourcing.isEmpty {
            guard splitSourcing == "true" || splitSourcing == "false" else {
                throw Problem.badRequest(
                    "split_sourcing must be true or false, got '\(splitSourcing)'", code: "invalid_parameter")
            }
            options.splitSourcing = splitSourcing == "true"
        }
        return options
    }

    static func options(_ query: QueryParameters) throws -> PolicyBacktestOptions {
        try options(
            from: query.string("from"), to: query.string("to"), unmetDemand: query.string("unmet_demand"),
            leadTimes: query.string("lead_times"), splitSourcing: query.string("split_sourcing"))
    }

    /// The memo key of a choice of options (without a policies file).
    static func key(_ o: PolicyBacktestOptions) -> String {
        "backtest:\(o.from?.description ?? ""):\(o.to?.description ?? ""):\(o.unmetDemand.rawValue):\(o.leadTimes.rawValue):\(o.splitSourcing)"
    }

    /// The plan the server keeps for the view (shared with the other analyses).
    func plan() async -> PlanResult {
        let view = state.plans.view
        return await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init()) }
    }

    func document(_ options: PolicyBacktestOptions) async throws -> PolicyBacktestDocument {
        let view = state.plans.view
        let run = { () async throws -> PolicyBacktestDocument in
            do {
                let plan = await plan()
                return PolicyBacktestDocument(
                    try await PolicyBacktest.run(snapshot: view.snapshot, plan: plan, options: options), snapshot: view.snapshot)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_parameter")
            }
        }
        // A policies file's back-test is not kept: files differ from request to request.
        guard options.policies == nil else { return try await run() }
        return try await view.memo(Self.key(options), run)
    }

    /// The options and the policies of a file request; errors name the field (the file's with its
    /// line and column). A body above the server's upload limit (1 MiB) never gets here: 413.
    static func options(_ body: FileRequest) throws -> PolicyBacktestOptions {
        var options = try options(
            from: body.from, to: body.to, unmetDemand: body.unmetDemand, leadTimes: body.leadTimes,
            splitSourcing: body.splitSourcing.map { $0 ? "true" : "false" })
        do {
            options.policies = try PolicyParametersFile.read(text: body.policiesCsv, name: "policies_csv")
        } catch {
            throw Problem.unprocessable(error.message, code: "invalid_policies")
        }
        return options
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await document(try Self.options(QueryParameters(request))))
    }

    @Sendable func showFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let body = try await JSONResponse.decode(FileRequest.self, from: request, context: context)
        return try JSONResponse.encode(try await document(try Self.options(body)))
    }

    func traceDocument(_ request: Request) async throws -> PolicyBacktestTrace {
        let query = QueryParameters(request)
        guard let item = query.string("item") else {
            throw Problem.badRequest("query parameter 'item' is required", code: "invalid_parameter")
        }
        guard let location = query.string("location") else {
            throw Problem.badRequest("query parameter 'location' is required", code: "invalid_parameter")
        }
        let options = try Self.options(query)
        let view = state.plans.view
        guard view.snapshot.items.contains(where: { $0.id == item }) else { throw Problem.notFound("no item '\(item)'") }
        guard view.snapshot.locations.contains(where: { $0.id == location }) else {
            throw Problem.notFound("no location '\(location)'")
        }
        let plan = await plan()
        do {
            return try await PolicyBacktest.trace(
                snapshot: view.snapshot, plan: plan, itemID: item, locationID: location, options: options)
        } catch {
            throw Problem.unprocessable(error.message, code: "not_replayed")
        }
    }

    @Sendable func trace(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await traceDocument(request))
    }

    /// The page's values for a back-test document.
    func values(_ d: PolicyBacktestDocument, query: String) -> [String: Any] {
        func percent(_ x: Double?) -> String { x.map { Format.percent($0) } ?? "–" }
        let missed = d.lines.filter { $0.status != .ok }
        return [
            "from": d.from, "to": d.to, "buckets": String(d.buckets), "bucket": d.bucket,
            "measure": d.measure.replacingOccurrences(of: "_", with: " "), "tolerance": percent(d.tolerance),
            "lost_sales": d.unmetDemand == "lost_sales", "mean_lead_times": d.leadTimes == "mean",
            "no_split": !d.splitSourcing, "from_file": d.policies == "file",
            "classes": d.classes.map { c -> [String: Any] in
                [
                    "class": c.class, "item_locations": Format.count(c.itemLocations), "target": percent(c.target),
                    "achieved": percent(c.achieved), "fill_rate": percent(c.fillRate),
                    "below_target": Format.count(c.belowTarget), "excess": Format.count(c.excess),
                ]
            },
            "missed_count": Format.count(missed.count), "line_count": Format.count(d.lines.count),
            "skipped_count": Format.count(d.skipped.count),
            "missed": missed.prefix(500).map { l -> [String: Any] in
                [
                    "item_id": l.itemId, "location_id": l.locationId, "class": l.class, "parameters": l.parameters,
                    "target": percent(l.target), "achieved": percent(l.achieved),
                    "simulated_on_hand": Format.fixed(l.simulatedAverageOnHand, places: 1),
                    "recorded_on_hand": Format.fixed(l.recordedAverageOnHand, places: 1),
                    "planned": Format.fixed(l.plannedAverageInventory, places: 1), "status": l.status.rawValue,
                    "above_maximum": "\(l.simulatedBucketsAboveMaximum) / \(l.recordedDaysAboveMaximum.map(String.init) ?? "–")",
                    "causes": l.causes.joined(separator: "; "),
                    "chart_query": "item=\(Self.escape(l.itemId))&location=\(Self.escape(l.locationId))\(query)",
                ]
            },
        ]
    }

    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? s
    }

    /// The options again as a query suffix (`&from=…`), for the links to the item charts.
    static func querySuffix(_ o: PolicyBacktestOptions) -> String {
        var s = ""
        if let from = o.from { s += "&from=\(from)" }
        if let to = o.to { s += "&to=\(to)" }
        if o.unmetDemand != .backorder { s += "&unmet_demand=\(o.unmetDemand.rawValue)" }
        if o.leadTimes != .perOrder { s += "&lead_times=\(o.leadTimes.rawValue)" }
        if !o.splitSourcing { s += "&split_sourcing=false" }
        return s
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let options = try Self.options(QueryParameters(request))
        let d = try await document(options)
        return state.pages.page(
            "backtest", title: "Policy back-test", principal: principal,
            values: values(d, query: Self.querySuffix(options)))
    }

    /// `POST /backtest`: a policies file pasted or uploaded, replayed instead of the plan's policies;
    /// the file's errors are listed with their line and column (nothing is replayed then).
    @Sendable func pageFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let text = form["policies"] ?? ""
        var options = try Self.options(
            from: form["from"], to: form["to"], unmetDemand: form["unmet_demand"], leadTimes: form["lead_times"],
            splitSourcing: form["split_sourcing"])
        func failed(_ message: String) async throws -> Response {
            var page = values(try await document(PolicyBacktestOptions(from: options.from, to: options.to)), query: "")
            page["policies_text"] = text
            page["policies_errors"] = message.split(separator: "\n").map { ["message": String($0)] }
            page["has_policies_errors"] = true
            return state.pages.page(
                "backtest", title: "Policy back-test", principal: principal, values: page, status: .unprocessableContent)
        }
        do {
            options.policies = try PolicyParametersFile.read(text: text, name: "policies")
        } catch {
            return try await failed(error.message)
        }
        let d: PolicyBacktestDocument
        do {
            d = try await document(options)
        } catch let problem as Problem {
            return try await failed(problem.detail)
        }
        var page = values(d, query: "")
        page["policies_text"] = text
        return state.pages.page("backtest", title: "Policy back-test", principal: principal, values: page)
    }

    @Sendable func itemPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let t = try await traceDocument(request)
        let l = t.line
        func percent(_ x: Double?) -> String { x.map { Format.percent($0) } ?? "–" }
        return state.pages.page(
            "backtest_item", title: "Back-test of \(l.itemId) at \(l.locationId)", principal: principal,
            values: [
                "item_id": l.itemId, "location_id": l.locationId, "from": t.from, "to": t.to, "bucket": t.bucket,
                "policy": l.policy, "parameters": l.parameters, "lead_time": String(l.leadTimeBuckets),
                "lead_time_range": l.leadTimeBucketsMin == l.leadTimeBucketsMax
                    ? String(l.leadTimeBuckets) : "\(l.leadTimeBucketsMin)–\(l.leadTimeBucketsMax)",
                "lead_time_basis": l.leadTimeBasis.replacingOccurrences(of: "_", with: " "), "sources": String(l.sources),
                "target": percent(l.target), "achieved": percent(l.achieved), "fill_rate": percent(l.fillRate),
                "status": l.status.rawValue, "causes": l.causes.joined(separator: "; "),
                "stockouts": "\(l.simulatedStockoutBuckets) / \(l.recordedStockoutDays)",
                "above_maximum": "\(l.simulatedBucketsAboveMaximum) / \(l.recordedDaysAboveMaximum.map(String.init) ?? "–")",
                "maximum": Format.fixed(l.maximum, places: 1),
                "chart": BacktestChart.svg(t),
                "periods": t.periods.map { p -> [String: Any] in
                    [
                        "start": p.start, "demand": Format.fixed(p.demand, places: 1),
                        "received": Format.fixed(p.received, places: 1), "short": Format.fixed(p.short, places: 1),
                        "ordered": Format.fixed(p.ordered, places: 1),
                        "simulated": Format.fixed(p.simulatedOnHand, places: 1),
                        "recorded": Format.fixed(p.recordedOnHand, places: 1),
                    ]
                },
            ])
    }
}
