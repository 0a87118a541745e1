import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Storage
import Workflow

/// Turns every error into a response: RFC 9457 problem documents for the JSON API — decided by the
/// route the router matched or the normalised path (``RoutePath``), not a raw prefix — and for
/// clients that do not ask for HTML; an HTML page elsewhere; a page that needs a signed-in user
/// redirects to the sign-in form. Unexpected errors are logged and answered with 500 without
/// internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, context: context)
            let isAPI = RoutePath.isAPI(request, context: context)
            if isAPI || !Self.wantsHTML(request) {
                return try problem.response(from: request, context: context)
            }
            if problem.status == .unauthorized {
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response.redirect(
                    to: "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
            }
            return pages.errorPage(problem, context: context)
        }
    }

    /// Whether the client is a browser (pages) rather than a program.
    static func wantsHTML(_ request: Request) -> Bool {
        let accept = request.headers[.accept] ?? ""
        return accept.isEmpty || accept.contains("text/html") || accept.contains("*/*")
    }

    static func problem(for error: any Error, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as StorageError:
            return storageProblem(error)
        case let error as PostingBatchError:
            return storageProblem(error.underlying)
        case let error as WorkflowError:
            return workflowProblem(error)
        case let violation as RuleViolation:
            return .unprocessable(violation.message, code: violation.code.description)
        case let error as HTTPError:
            let detail = error.body ?? error.status.reasonPhrase
            switch error.status {
            case .notFound: return .notFound("no such page or resource")
            case .unauthorized: return .unauthorized()
            default:
                return Problem(error.status, code: "http_\(error.status.code)", title: error.status.reasonPhrase, detail: detail)
            }
        case let error as any HTTPResponseError:
            return Problem(
                error.status, code: "http_\(error.status.code)", title: error.status.reasonPhrase,
                detail: error.status.reasonPhrase)
        default:
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(
                .internalServerError, code: "internal_error", title: "Internal server error",
                detail: "the server failed to answer this request; the server log has the details (request id \(context.id))")
        }
    }

    /// Workflow refusals: authority 403, the order's state 409, bad input 422 — each with the
    /// workflow's message and code.
    static func workflowProblem(_ error: WorkflowError) -> Problem {
        let code = error.code.description
        switch error.code {
        case .notPermitted, .segregationOfDuties, .noApprovalAuthority:
            return Problem(.forbidden, code: code, title: "Forbidden", detail: error.message)
        case .invalidTransition, .beyondThresholds, .missingSignOff, .alreadyComing, .expired:
            return .conflict(error.message, code: code)
        default:
            return .unprocessable(error.message, code: code)
        }
    }

    /// Storage errors that a client can fix become 4xx problems with the storage message.
    static func storageProblem(_ error: StorageError) -> Problem {
        switch error.code {
        case .unknownItem, .unknownLocation, .unknownSupplier, .unknownUnit, .invalidPosting, .negativeStock, .reversalTarget,
            .valueOutOfRange, .invalidOverride, .idempotencyConflict, .invalidDisposition, .invalidImport, .invalidApprovalRules,
            .invalidScenarioSpec, .invalidRedundancyPlan, .invalidSharing,
            .invalidVMIAgreement, .invalidPostmortem, .invalidAction, .invalidChangeSet:
            // The same idempotency key with a different request is 422 (IETF Idempotency-Key draft §2.7).
            return .unprocessable(error.message, code: error.code.description)
        case .duplicateUser:
            return .conflict(error.message, code: error.code.description)
        case .unknownUser, .unknownToken, .unknownOverride, .unknownPurchaseOrder, .unknownProvisionRun,
            .unknownDispositionCase, .unknownDelegation, .unknownScenarioSpec, .unknownRedundancyPlan, .unknownSharing,
            .unknownVMIAgreement, .unknownPostmortem, .unknownAction, .unknownChangeSet:
            return .notFound(error.message)
        case .invalidScenarioSpecName:
            return .badRequest(error.message, code: error.code.description)
        case .concurrentChange, .duplicateOrder:
            return .conflict(error.message, code: error.code.description)
        default:
            return Problem(
                .internalServerError, code: "storage_error", title: "Internal server error",
                detail: "the database failed to answer this request (\(error.code))")
        }
    }
}
