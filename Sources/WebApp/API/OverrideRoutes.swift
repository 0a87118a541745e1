import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Storage
import Workflow

/// `/api/v1/overrides`: list, create (with reason and validity), expire. Overrides take effect in
/// the next plan run.
struct OverrideRoutes {
    let state: WebState

    func add(to group: RouterGroup<AppRequestContext>) {
        group.get("overrides", use: list)
        group.post("overrides", use: create)
        group.post("overrides/:override_id/expire", use: expire)
    }

    /// Today by the store's clock: the day overrides are valid on.
    var today: Day { state.store.clock.today() }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let limit = try query.limit()
        let offset = try query.offsetCursor()
        let active = try query.oneOf("active", ["true", "false"])
        let today = self.today
        var all = try await state.store.overrides(itemID: query.string("item_id"), locationID: query.string("location_id"))
        if let active { all = all.filter { $0.isValid(on: today) == (active == "true") } }
        let page = try ListBudget.fit(
            all.dropFirst(offset).prefix(limit).map { OverrideResponse($0, today: today) },
            budget: state.configuration.listByteBudget)
        let next = offset + page.count < all.count ? String(offset + page.count) : nil
        return try JSONResponse.encode(
            OverridePage(overrides: page, total: all.count, nextCursor: next))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let body = try await JSONResponse.decode(OverrideBody.self, from: request, context: context)
        let record = try Self.record(
            item: body.itemId, location: body.locationId, parameter: body.parameter, value: body.value, reason: body.reason,
            validFrom: body.validFrom, validTo: body.validTo, author: principal.userID)
        try await state.store.saveOverride(record, actor: principal.userID)
        let response = OverrideResponse(record, today: today)
        return try JSONResponse.encode(
            response, status: .created, headers: [.location: "/api/v1/overrides?item_id=\(body.itemId)"])
    }

    /// Checks an override from a form or the API by the one set of override rules
    /// (``OverrideRules``); bad values are 422 problems naming the field.
    static func record(
        item: String, location: String, parameter: String, value: Double, reason: String, validFrom: String?, validTo: String?,
        author: String
    ) throws -> OverrideRecord {
        func day(_ text: String?, _ name: String) throws -> Day? {
            guard let text, !text.isEmpty else { return nil }
            guard let d = Day(iso: text) else {
                throw Problem.unprocessable("\(name) must be YYYY-MM-DD, got '\(text)'", code: "invalid_override")
            }
            return d
        }
        let from = try day(validFrom, "valid_from")
        let to = try day(validTo, "valid_to")
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            try OverrideRules.validate(
                itemID: item, locationID: location, parameter: parameter, value: value, reason: trimmed, author: author,
                validFrom: from,
                validTo: to)
        } catch {
            throw Problem.unprocessable(error.message, code: "invalid_override")
        }
        return OverrideRecord(
            itemID: item, locationID: location, parameter: parameter, value: value, reason: trimmed, author: author,
            validFrom: from,
            validTo: to)
    }

    @Sendable func expire(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let id = try context.parameters.require("override_id")
        guard let key = OverrideID.decode(id) else { throw Problem.notFound("no override '\(id)'") }
        let today = self.today
        let after = try await state.store.expireOverride(
            itemID: key.item, locationID: key.location, parameter: key.parameter, validFrom: key.validFrom, on: today,
            actor: principal.userID)
        return try JSONResponse.encode(OverrideResponse(after, today: today))
    }
}
