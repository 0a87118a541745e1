import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// `/api/v1/plan-runs…`: list, start (a background job), job progress, one run, its results,
/// and the comparison of two runs.
struct PlanRunRoutes {
    let state: WebState

    func add(to group: RouterGroup<AppRequestContext>) {
        group.get("plan-runs", use: list)
        group.post("plan-runs", use: start)
        group.get("plan-runs/compare", use: compare)
        group.get("plan-runs/jobs/:job_id", use: job)
        group.get("plan-runs/:run_number", use: run)
        group.get("plan-runs/:run_number/results", use: results)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let limit = try query.limit()
        let offset = try query.offsetCursor()
        let runs = try await state.store.listPlanRuns()
        let page = try ListBudget.fit(
            runs.dropFirst(offset).prefix(limit).map { try PlanRunResponse($0, withSummary: false) },
            budget: state.configuration.listByteBudget)
        let next = offset + page.count < runs.count ? String(offset + page.count) : nil
        return try JSONResponse.encode(PlanRunPage(runs: page, total: runs.count, nextCursor: next))
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.runPlans)
        let body = try await JSONResponse.decode(PlanRunBody.self, from: request, context: context)
        let label = try TextField.planRunLabel.check(body.label ?? "")
        let job = await state.runner.start(label: label, requestedBy: principal.userID)
        return try JSONResponse.encode(job, status: .accepted, headers: [.location: "/api/v1/plan-runs/jobs/\(job.jobId)"])
    }

    @Sendable func job(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let id = try context.parameters.require("job_id")
        guard let job = await state.runner.job(id: id) else { throw Problem.notFound("no plan-run job '\(id)'") }
        return try JSONResponse.encode(job)
    }

    func record(_ context: AppRequestContext, parameter: String = "run_number") async throws -> PlanRunRecord {
        let text = try context.parameters.require(parameter)
        guard let number = Int(text) else { throw Problem.notFound("no plan run '\(text)'") }
        return try await record(number: number)
    }

    func record(number: Int) async throws -> PlanRunRecord {
        guard let record = try await state.store.listPlanRuns().first(where: { $0.runNumber == number }) else {
            throw Problem.notFound("no plan run \(number)")
        }
        return record
    }

    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try PlanRunResponse(try await record(context), withSummary: true))
    }

    @Sendable func results(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let limit = try query.limit()
        let offset = try query.offsetCursor()
        let kind = try query.oneOf("kind", ["classification", "forecast", "policy"])
        let item = query.string("item_id")
        let location = query.string("location_id")
        let record = try await record(context)
        let rows = try await state.store.planResults(runNumber: record.runNumber, kind: kind).filter {
            (item == nil || $0.itemID == item) && (location == nil || $0.locationID == location)
        }
        let page = ListBudget.fit(rows.dropFirst(offset).prefix(limit), budget: state.configuration.listByteBudget) {
            $0.payload.utf8.count + $0.itemID.utf8.count + $0.locationID.utf8.count + $0.kind.utf8.count + 64
        }
        let next = offset + page.count < rows.count ? String(offset + page.count) : nil
        // Payloads are stored JSON: embedded as they are.
        var text = "{\"run_number\":\(record.runNumber),\"total\":\(rows.count),\"next_cursor\":"
        text += next.map(JSONValue.quoted) ?? "null"
        text += ",\"results\":["
        for (k, row) in page.enumerated() {
            if k > 0 { text += "," }
            text += "{\"item_id\":" + JSONValue.quoted(row.itemID) + ",\"location_id\":" + JSONValue.quoted(row.locationID)
            text += ",\"kind\":" + JSONValue.quoted(row.kind) + ",\"payload\":" + row.payload + "}"
        }
        text += "]}"
        return JSONResponse.text(text)
    }

    /// Per item-location, the policy values that differ between two runs (safety stock, reorder
    /// point, order quantity, min, max, forecast), and the totals of both.
    @Sendable func compare(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let baseNumber = try query.integer("base", in: 1...Int(Int32.max), default: 0)
        let otherNumber = try query.integer("other", in: 1...Int(Int32.max), default: 0)
        guard baseNumber > 0, otherNumber > 0 else {
            throw Problem.badRequest("give the two runs to compare: ?base=N&other=M", code: "invalid_parameter")
        }
        let limit = try query.limit()
        let offset = try query.offsetCursor()
        let comparison = try await Self.comparison(
            store: state.store, base: try await record(number: baseNumber), other: try await record(number: otherNumber))
        var result = comparison
        result.changes = try ListBudget.fit(
            comparison.changes.dropFirst(offset).prefix(limit), budget: state.configuration.listByteBudget)
        result.nextCursor = offset + result.changes.count < comparison.changes.count ? String(offset + result.changes.count) : nil
        return try JSONResponse.encode(result)
    }

    static func comparison(store: Store, base: PlanRunRecord, other: PlanRunRecord) async throws -> PlanComparison {
        let c = try await PlanRunComparison.compare(store: store, base: base.runNumber, other: other.runNumber)
        let totals = PlanComparison.Totals(
            itemLocationsBase: c.itemLocationsBase, itemLocationsOther: c.itemLocationsOther,
            changedItemLocations: c.changedItemLocations,
            safetyStockValueBase: c.safetyStockValueBase, safetyStockValueOther: c.safetyStockValueOther,
            policyValueBase: c.policyValueBase, policyValueOther: c.policyValueOther)
        let changes = c.changes.map {
            PlanComparison.Change(
                itemId: $0.itemID, locationId: $0.locationID, parameter: $0.parameter, base: $0.base, other: $0.other,
                difference: $0.difference)
        }
        return PlanComparison(
            base: c.base, other: c.other, totals: totals, changes: changes, total: changes.count, nextCursor: nil)
    }
}
