import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// VMI agreements and their versions (`procura vmi agreements`, docs/vmi.md):
/// `GET /api/v1/vmi/agreements`, `GET /api/v1/vmi/agreements/{agreement_id}`,
/// `POST /api/v1/vmi/agreements` (propose a version) and
/// `POST /api/v1/vmi/agreements/{agreement_id}/versions/{version}/approve|reject`, each calling one
/// ``Storage/Store`` function whose workflow (``Workflow/VMIAgreementWorkflow``) decides who may.
/// Planning roles read every agreement; a supplier user reads only its own supplier's — another
/// supplier's id answers 404, as if it did not exist. The page is ``VMIAgreementPages``.
struct VMIAgreementEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("vmi/agreements", use: list)
        api.post("vmi/agreements", use: propose)
        api.get("vmi/agreements/:agreement_id", use: show)
        for action in VMIAgreementAction.allCases {
            api.post("vmi/agreements/:agreement_id/versions/:version/\(action.rawValue)") { request, context in
                try await decide(action, request: request, context: context)
            }
        }
        VMIAgreementPages(state: state).add(to: pages)
    }

    struct ListBody: Encodable {
        var agreements: [VMIAgreement]
    }

    struct DecisionBody: Decodable {
        var reason: String?
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let versions = try await state.store.vmiAgreementVersions(visibleTo: principal.subject)
        return try JSONResponse.encode(ListBody(agreements: VMIAgreement.group(versions)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let id = try Self.pathText(context, "agreement_id")
        let versions = try await state.store.vmiAgreementVersions(visibleTo: principal.subject, agreementID: id)
        guard let agreement = VMIAgreement.group(versions).first else {
            throw Problem.notFound("no VMI agreement '\(id.prefix(64))'")
        }
        return try JSONResponse.encode(agreement)
    }

    @Sendable func propose(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let body = try await JSONResponse.decode(VMIAgreementBody.self, from: request, context: context)
        let stored = try await state.store.proposeVMIAgreement(try body.terms(), by: principal.subject)
        return try JSONResponse.encode(stored, status: .created)
    }

    func decide(_ action: VMIAgreementAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let id = try Self.pathText(context, "agreement_id")
        let versionText = try context.parameters.require("version")
        guard let version = Int(versionText), version > 0 else {
            throw Problem.badRequest(
                "path parameter 'version': '\(versionText.prefix(40))' — expected a whole number ≥ 1", code: "invalid_parameter")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        var body = DecisionBody()
        if buffer.readableBytes > 0 { body = try JSONResponse.decode(DecisionBody.self, from: buffer) }
        let stored = try await state.store.decideVMIAgreement(
            action, agreementID: id, version: version, reason: body.reason ?? "", by: principal.subject)
        return try JSONResponse.encode(stored)
    }

    static func pathText(_ context: AppRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        guard let value = raw.removingPercentEncoding else {
            throw Problem.badRequest(
                "path parameter '\(name)': '\(raw.prefix(40))' is not valid percent-encoding — expected UTF-8 percent-encoded",
                code: "invalid_parameter")
        }
        return value
    }
}
