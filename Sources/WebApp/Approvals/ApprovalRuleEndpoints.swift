import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// The approval rules and delegations: `GET|PUT /api/v1/approval-rules`, `GET|POST
/// /api/v1/approval-delegations`, `POST /api/v1/approval-delegations/{delegation_id}/revoke`; the
/// page `/approval-rules` (the rules in force and why an order escalates, an admin's editor, the
/// delegations with forms to add and revoke). All call the store (``Storage/Store/approvalPolicy()``,
/// ``Storage/Store/setApprovalPolicy(text:by:key:)``, ``Storage/Store/createApprovalDelegation(delegator:delegate:validFrom:validTo:reason:by:key:)``,
/// ``Storage/Store/revokeApprovalDelegation(id:by:)``), whose rules are ``Workflow/ApprovalRules``
/// and ``Workflow/ApprovalDelegation``. Who sees planning data reads; admins set the rules; who may
/// approve orders delegates their own authority (admins anyone's). Suppliers get 403.
struct ApprovalRuleEndpoints {
    let state: WebState

    /// The largest rules text accepted (64 KiB).
    static let maximumRulesBytes = 65_536

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("approval-rules", use: rules)
        api.put("approval-rules", use: setRules)
        api.get("approval-delegations", use: delegations)
        api.post("approval-delegations", use: createDelegation)
        api.post("approval-delegations/:delegation_id/revoke", use: revokeDelegation)
        pages.get("approval-rules", use: page)
        pages.post("approval-rules", use: setRulesFromPage)
        pages.post("approval-rules/delegations", use: createDelegationFromPage)
        pages.post("approval-rules/delegations/:delegation_id/revoke", use: revokeFromPage)
    }

    /// `{"delegator", "delegate", "valid_from", "valid_to", "reason"}`.
    struct DelegationBody: Decodable {
        var delegator: String
        var delegate: String
        var validFrom: String
        var validTo: String
        var reason: String
    }

    struct DelegationList: Encodable { var delegations: [ApprovalDelegation] }

    @Sendable func rules(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await state.store.approvalPolicyWithBudgetUse())
    }

    /// The body is the rules as a JSON object `{"approval_thresholds": {…}, "approval_rules": {…}}`
    /// — the keys of settings.yaml — read by the settings reader (JSON is YAML).
    @Sendable func setRules(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.administer)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let buffer = try await request.body.collect(upTo: Self.maximumRulesBytes)
            let bytes = Array(buffer.readableBytesView)
            let parsed = Result { () throws(JSONSyntaxError) in try JSONValue(parsing: bytes) }
            switch parsed {
            case .failure(let error):
                throw Problem.badRequest("the request body is not valid JSON: \(error.description)", code: "invalid_body")
            case .success(.object): break
            case .success:
                throw Problem.badRequest(
                    "the request body is not a JSON object with approval_thresholds and approval_rules", code: "invalid_body")
            }
            _ = try await state.store.setApprovalPolicy(
                text: String(decoding: bytes, as: UTF8.self), by: principal.subject, key: key.value)
            return try JSONResponse.encode(try await state.store.approvalPolicyWithBudgetUse())
        }
    }

    @Sendable func delegations(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let active = try QueryParameters(request).oneOf("active", ["true", "false"]) == "true"
        let list = try await state.store.approvalDelegations(activeOn: active ? state.store.clock.today() : nil)
        return try JSONResponse.encode(DelegationList(delegations: list))
    }

    static func days(_ body: DelegationBody) throws -> (Day, Day) {
        guard let from = Day(iso: body.validFrom) else {
            throw Problem.unprocessable("valid_from '\(body.validFrom)' — expected YYYY-MM-DD", code: "invalid_delegation")
        }
        guard let to = Day(iso: body.validTo) else {
            throw Problem.unprocessable("valid_to '\(body.validTo)' — expected YYYY-MM-DD", code: "invalid_delegation")
        }
        return (from, to)
    }

    @Sendable func createDelegation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(DelegationBody.self, from: request, context: context)
            let (from, to) = try Self.days(body)
            let created = try await state.store.createApprovalDelegation(
                delegator: body.delegator, delegate: body.delegate, validFrom: from, validTo: to, reason: body.reason,
                by: principal.subject, key: key.value)
            return try JSONResponse.encode(created, status: .created)
        }
    }

    @Sendable func revokeDelegation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("delegation_id")
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            try JSONResponse.encode(try await state.store.revokeApprovalDelegation(id: id, by: principal.subject))
        }
    }

    // MARK: Page

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, principal: try context.require(.viewPlanning))
    }

    func render(_ request: Request, principal: Principal, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let session = principal.csrfToken != nil
        let policy = try await state.store.approvalPolicyWithBudgetUse()
        let today = state.store.clock.today()
        let delegations = try await state.store.approvalDelegations()
        let e = policy.rules.escalations
        var escalations: [[String: String]] = []
        for (cls, level) in e.byClass.sorted(by: { $0.key < $1.key }) {
            escalations.append(["rule": "ABC class \(cls)", "level": level])
        }
        for (code, level) in e.byCriticality.sorted(by: { $0.key < $1.key }) {
            escalations.append(["rule": "criticality \(code)", "level": level])
        }
        if let level = e.firstBuyLevel { escalations.append(["rule": "first buy of an item at a location", "level": level]) }
        if let percent = e.priceIncreasePercent, let level = e.priceIncreaseLevel {
            escalations.append(["rule": "price more than \(Format.number(percent)) % above the last price paid", "level": level])
        }
        if let multiple = e.quantityMultiple, let level = e.quantityLevel {
            escalations.append(["rule": "quantity above \(Format.number(multiple)) × the usual quantity", "level": level])
        }
        if let level = e.budgetLevel {
            for (category, budget) in e.budgets.sorted(by: { $0.key < $1.key }) {
                escalations.append([
                    "rule": "category \(category) over its monthly budget of \(Format.money(budget))", "level": level,
                ])
            }
        }
        var values: [String: Any] = [
            "source": policy.source == .admin
                ? "set by \(policy.setBy) at \(policy.setAt)" : "from settings.yaml of the last import",
            "thresholds": policy.rules.levels.map {
                ["role": $0.role, "limit": $0.maximumValue.isFinite ? Format.money($0.maximumValue) : "unlimited"]
            },
            "escalations": escalations,
            "settings_text": policy.settingsText,
            "has_budgets": !policy.budgetUse.isEmpty,
            "budgets": policy.budgetUse.map {
                [
                    "category": $0.category, "month": $0.month, "budget": Format.money($0.monthlyBudget),
                    "committed": Format.money($0.committed), "remaining": Format.money($0.remaining),
                ]
            },
            "can_edit": session && principal.allows(.administer),
            "can_delegate": session && principal.allows(.approveOrders),
            "is_admin": principal.allows(.administer),
            "user_id": principal.userID,
            "delegations": delegations.map { d -> [String: Any] in
                [
                    "id": d.id, "delegator": d.delegator, "delegate": d.delegate, "valid_from": d.validFrom.description,
                    "valid_to": d.validTo.description, "reason": d.reason, "created_by": d.createdBy,
                    "status": !d.revokedAt.isEmpty
                        ? "revoked by \(d.revokedBy)"
                        : d.isActive(on: today) ? "in force" : d.validTo < today ? "ended" : "future",
                    "can_revoke": session && d.revokedAt.isEmpty
                        && (principal.allows(.administer) || principal.userID == d.delegator || principal.userID == d.delegate),
                ]
            },
            "message": QueryParameters(request).string("message") ?? false,
        ]
        values.merge(extra) { _, new in new }
        return state.pages.page("approval_rules", title: "Approval rules", principal: principal, values: values, status: status)
    }

    @Sendable func setRulesFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.administer)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let text = form["settings_text"] ?? ""
        do {
            let policy = try await state.store.setApprovalPolicy(text: text, by: principal.subject)
            return .seeOther("/approval-rules?message=\(queryEscape("approval rules set: \(policy.rules.summary)"))")
        } catch let error as StorageError where error.code == .invalidApprovalRules {
            return try await render(
                request, principal: principal, extra: ["has_error": true, "error": error.message, "settings_text": text],
                status: .unprocessableContent)
        }
    }

    @Sendable func createDelegationFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let body = DelegationBody(
            delegator: form["delegator"] ?? principal.userID, delegate: form["delegate"] ?? "",
            validFrom: form["valid_from"] ?? "", validTo: form["valid_to"] ?? "", reason: form["reason"] ?? "")
        do {
            let (from, to) = try Self.days(body)
            let created = try await state.store.createApprovalDelegation(
                delegator: body.delegator, delegate: body.delegate, validFrom: from, validTo: to, reason: body.reason,
                by: principal.subject)
            return .seeOther(
                "/approval-rules?message=\(queryEscape("\(created.id): \(created.delegate) approves at \(created.delegator)'s level from \(created.validFrom) to \(created.validTo)"))"
            )
        } catch let error as WorkflowError where error.code == .invalidDelegation {
            return try await render(
                request, principal: principal, extra: ["has_error": true, "error": error.message],
                status: .unprocessableContent)
        }
    }

    @Sendable func revokeFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("delegation_id")
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let revoked = try await state.store.revokeApprovalDelegation(id: id, by: principal.subject)
        return .seeOther("/approval-rules?message=\(queryEscape("\(revoked.id) revoked"))")
    }
}
