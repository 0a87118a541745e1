import Foundation
import Hummingbird
import InventoryCore
import Planning
import Storage
import Workflow

/// Redundancy plans of the vital item-locations (docs/risk.md, "Redundancy plans"):
/// `GET /api/v1/risk/plans`, `PUT|DELETE /api/v1/risk/plans/{item_id}/{location_id}`, and the
/// Supply risk page's forms (`POST /risk/plans`, `POST /risk/plans/delete`). The report is
/// ``Storage/Store/redundancyPlanReport(risk:today:)`` on the memoized exposure of the plan view;
/// changes are ``Storage/Store/saveRedundancyPlan(_:replacing:by:)`` and
/// ``Storage/Store/deleteRedundancyPlan(itemID:locationID:by:)``. Who sees planning data reads;
/// planners and admins change; suppliers 403.
struct RedundancyPlanEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("risk/plans", use: list)
        api.put("risk/plans/:item_id/:location_id", use: save)
        api.delete("risk/plans/:item_id/:location_id", use: delete)
        pages.post("risk/plans", use: saveFromPage)
        pages.post("risk/plans/delete", use: deleteFromPage)
    }

    /// The body of PUT: `owner`, `review_date` required; the rest optional; `version` to replace a
    /// known version.
    struct SaveBody: Decodable {
        var owner: String
        var reviewDate: String
        var substituteItemId: String?
        var agreedBuffer: Double?
        var qualifyingUntil: String?
        var notes: String?
        var version: Int?
    }

    /// The report as of now: the plan view's exposure with the plans and owners stored now.
    func document() async throws -> RedundancyPlanDocument {
        let risk = try await RiskEndpoints(state: state).document()
        return try await state.store.redundancyPlanReport(risk: risk, today: state.store.clock.today())
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await document())
    }

    /// A plan from the fields of the API or the form; a date that is not YYYY-MM-DD is 422 naming the field.
    static func plan(
        item: String, location: String, owner: String, review: String, substitute: String?, buffer: Double?,
        qualifying: String?, notes: String?
    ) throws -> RedundancyPlan {
        func day(_ text: String, _ field: String) throws -> Day {
            guard let day = Day(iso: text) else {
                throw Problem.unprocessable(
                    "\(field): expected a date YYYY-MM-DD, got '\(text.prefix(40))'", code: "invalid_redundancy_plan")
            }
            return day
        }
        let substitute = substitute.flatMap { $0.isEmpty ? nil : $0 }
        let qualifying = qualifying.flatMap { $0.isEmpty ? nil : $0 }
        return RedundancyPlan(
            itemId: item, locationId: location, owner: owner, reviewDate: try day(review, "review_date"),
            substituteItemId: substitute, agreedBuffer: buffer,
            qualifyingUntil: try qualifying.map { try day($0, "qualifying_until") }, notes: notes ?? "")
    }

    static func key(_ context: AppRequestContext) throws -> (item: String, location: String) {
        func decoded(_ name: String) throws -> String {
            let raw = try context.parameters.require(name)
            guard let value = raw.removingPercentEncoding else {
                throw Problem.badRequest(
                    "path parameter '\(name)': '\(raw.prefix(40))' is not valid percent-encoding — expected UTF-8 percent-encoded",
                    code: "invalid_parameter")
            }
            return value
        }
        return (try decoded("item_id"), try decoded("location_id"))
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let (item, location) = try Self.key(context)
        let body = try await JSONResponse.decode(SaveBody.self, from: request, context: context)
        let plan = try Self.plan(
            item: item, location: location, owner: body.owner, review: body.reviewDate, substitute: body.substituteItemId,
            buffer: body.agreedBuffer, qualifying: body.qualifyingUntil, notes: body.notes)
        let saved = try await state.store.saveRedundancyPlan(plan, replacing: body.version, by: principal.subject)
        return try JSONResponse.encode(PlanResponse(saved.plan), status: saved.created ? .created : .ok)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let (item, location) = try Self.key(context)
        try await state.store.deleteRedundancyPlan(itemID: item, locationID: location, by: principal.subject)
        return Response(status: .noContent)
    }

    // MARK: Page

    /// The plan form of `/risk`: `item_id`, `location_id`, `owner`, `review_date`,
    /// `substitute_item_id`, `agreed_buffer`, `qualifying_until`, `notes`, `version` (empty: any).
    @Sendable func saveFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let item = form["item_id"] ?? ""
        let location = form["location_id"] ?? ""
        do {
            var buffer: Double?
            if let field = form["agreed_buffer"], !field.isEmpty {
                guard let number = Double(field) else {
                    throw Problem.unprocessable(
                        "agreed_buffer: expected a quantity, got '\(field.prefix(40))'", code: "invalid_redundancy_plan")
                }
                buffer = number
            }
            var version: Int?
            if let field = form["version"], !field.isEmpty {
                guard let number = Int(field) else {
                    throw Problem.unprocessable(
                        "version: expected a whole number, got '\(field.prefix(40))'", code: "invalid_redundancy_plan")
                }
                version = number
            }
            let plan = try Self.plan(
                item: item, location: location, owner: form["owner"] ?? "", review: form["review_date"] ?? "",
                substitute: form["substitute_item_id"], buffer: buffer, qualifying: form["qualifying_until"],
                notes: form["notes"])
            let saved = try await state.store.saveRedundancyPlan(plan, replacing: version, by: principal.subject)
            let message =
                "\(saved.created ? "created" : "replaced") the redundancy plan for \(item) at \(location) (version \(saved.plan.version))"
            return .seeOther("/risk?message=\(queryEscape(message))#plans")
        } catch let problem as Problem where problem.status == .unprocessableContent {
            return .seeOther("/risk?error=\(queryEscape(problem.detail))#plans")
        } catch let error as StorageError
            where [.invalidRedundancyPlan, .unknownLocation, .concurrentChange].contains(error.code)
        {
            return .seeOther("/risk?error=\(queryEscape(error.message))#plans")
        }
    }

    @Sendable func deleteFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let item = form["item_id"] ?? ""
        let location = form["location_id"] ?? ""
        do {
            try await state.store.deleteRedundancyPlan(itemID: item, locationID: location, by: principal.subject)
        } catch let error as StorageError where error.code == .unknownRedundancyPlan {
            return .seeOther("/risk?error=\(queryEscape(error.message))#plans")
        }
        return .seeOther("/risk?message=\(queryEscape("deleted the redundancy plan for \(item) at \(location)"))#plans")
    }
}

/// A stored redundancy plan as the API answers a change.
struct PlanResponse: Encodable {
    var itemId: String
    var locationId: String
    var owner: String
    var reviewDate: String
    var substituteItemId: String?
    var agreedBuffer: Double?
    var qualifyingUntil: String?
    var notes: String
    var version: Int
    var updatedAt: String
    var updatedBy: String

    init(_ p: RedundancyPlan) {
        itemId = p.itemId
        locationId = p.locationId
        owner = p.owner
        reviewDate = p.reviewDate.description
        substituteItemId = p.substituteItemId
        agreedBuffer = p.agreedBuffer
        qualifyingUntil = p.qualifyingUntil?.description
        notes = p.notes
        version = p.version
        updatedAt = p.updatedAt
        updatedBy = p.updatedBy
    }
}
