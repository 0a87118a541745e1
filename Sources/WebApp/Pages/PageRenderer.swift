import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import Workflow

/// Renders the server-side pages from the Mustache templates in `Resources/templates` (embedded in
/// the binary at build time): every page is `header` + its template + `footer`, HTML-escaped by
/// Mustache's `{{…}}`; no scripts, no external files.
final class PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Registers every template; a template that does not parse stops the server before it
    /// starts, naming the template (they are part of the build, so the tests catch it first).
    init() throws {
        var library = MustacheLibrary()
        for (name, bytes) in Self.templates {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                throw TemplateError(name: name, underlying: "\(error)")
            }
        }
        self.library = library
    }

    /// A page template that does not parse.
    struct TemplateError: Error, CustomStringConvertible {
        var name: String
        var underlying: String
        var description: String { "the page template '\(name).mustache' does not parse: \(underlying)" }
    }

    static let templates: [(String, [UInt8])] = [
        ("header", PackageResources.header_mustache), ("footer", PackageResources.footer_mustache),
        ("login", PackageResources.login_mustache), ("dashboard", PackageResources.dashboard_mustache),
        ("supplier_home", PackageResources.supplier_home_mustache), ("items", PackageResources.items_mustache),
        ("item", PackageResources.item_mustache), ("plan_runs", PackageResources.plan_runs_mustache),
        ("plan_run", PackageResources.plan_run_mustache), ("plan_job", PackageResources.plan_job_mustache),
        ("plan_compare", PackageResources.plan_compare_mustache),
        ("analysis_job", PackageResources.analysis_job_mustache), ("audit", PackageResources.audit_mustache),
        ("error", PackageResources.error_mustache), ("checks", PackageResources.checks_mustache),
        ("reconcile", PackageResources.reconcile_mustache), ("consignment", PackageResources.consignment_mustache),
        ("consignment_transition", PackageResources.consignment_transition_mustache),
        ("accuracy", PackageResources.accuracy_mustache), ("reclassification", PackageResources.reclassification_mustache),
        ("calc", PackageResources.calc_mustache), ("suppliers", PackageResources.suppliers_mustache),
        ("backtest", PackageResources.backtest_mustache), ("backtest_item", PackageResources.backtest_item_mustache),
        ("excess", PackageResources.excess_mustache),
        ("risk", PackageResources.risk_mustache),
        ("risk_buffer_check", PackageResources.risk_buffer_check_mustache), ("kanban", PackageResources.kanban_mustache),
        ("network", PackageResources.network_mustache),
        ("network_echelons", PackageResources.network_echelons_mustache),
        ("working_capital", PackageResources.working_capital_mustache),
        ("scenarios", PackageResources.scenarios_mustache),
        ("preposition", PackageResources.preposition_mustache),
        ("proposals", PackageResources.proposals_mustache), ("stock", PackageResources.stock_mustache),
        ("kpi_history", PackageResources.kpi_history_mustache),
        ("purchase_orders", PackageResources.purchase_orders_mustache),
        ("provisions", PackageResources.provisions_mustache),
        ("dispositions", PackageResources.dispositions_mustache),
        ("changesets", PackageResources.changesets_mustache),
        ("vmi_agreements", PackageResources.vmi_agreements_mustache),
        ("vmi", PackageResources.vmi_mustache),
        ("postmortems", PackageResources.postmortems_mustache), ("postmortem", PackageResources.postmortem_mustache),
        ("actions", PackageResources.actions_mustache),
        ("emergency", PackageResources.emergency_mustache),
        ("approval_rules", PackageResources.approval_rules_mustache),
        ("deviation_report", PackageResources.deviation_report_mustache),
        ("excess_exposure", PackageResources.excess_exposure_mustache),
        ("phase_out", PackageResources.phase_out_mustache),
        ("process_maps", PackageResources.process_maps_mustache),
        ("sharing", PackageResources.sharing_mustache),
        ("shared_version", PackageResources.shared_version_mustache),
    ]

    /// A page for a signed-in (or anonymous) visitor.
    func page(
        _ template: String, title: String, principal: Principal?, values: [String: Any], status: HTTPResponse.Status = .ok,
        headers: HTTPFields = [:], refreshSeconds: Int? = nil
    ) -> Response {
        var context = values
        context["title"] = title
        context["refresh"] = refreshSeconds.map { String($0) } ?? false
        if let principal {
            context["user"] = [
                "id": principal.userID, "name": principal.displayName.isEmpty ? principal.userID : principal.displayName,
                "role": principal.role.rawValue, "csrf": principal.csrfToken ?? "",
            ]
            context["nav"] = Self.navigation(for: principal)
            context["csrf"] = principal.csrfToken ?? ""
        }
        let body = library.render(context, withTemplate: template) ?? "template \(template) is missing"
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.contentSecurityPolicy] =
            "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        fields[.xContentTypeOptions] = "nosniff"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A template rendered with `values` alone (no header values, no response): a page printed
    /// on its own (``ExposurePrint``).
    func html(_ template: String, values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? "template \(template) is missing"
    }

    static func navigation(for principal: Principal) -> [[String: String]] {
        var links: [[String: String]] = [["href": "/", "label": "Dashboard"], ["href": "/items", "label": "Items"]]
        if principal.allows(.viewPlanning) {
            links += [
                ["href": "/plan-runs", "label": "Plan runs"], ["href": "/accuracy", "label": "Accuracy"],
                ["href": "/backtest", "label": "Back-test"], ["href": "/scenarios", "label": "Scenarios"],
                ["href": "/excess", "label": "Excess"], ["href": "/excess/exposure", "label": "Exposure"],
                ["href": "/phase-out", "label": "Phase-out"],
                ["href": "/risk", "label": "Supply risk"], ["href": "/kanban", "label": "Kanban"],
                ["href": "/network", "label": "Network"],
                ["href": "/provisions", "label": "Provisions"], ["href": "/dispositions", "label": "Dispositions"],
                ["href": "/changesets", "label": "Change sets"],
                ["href": "/stock", "label": "Stock over time"], ["href": "/kpi-history", "label": "KPI trends"],
                ["href": "/working-capital", "label": "Working capital"],
                ["href": "/reclassification", "label": "Reclassification"],
                ["href": "/checks", "label": "Checks"],
                ["href": "/reconcile", "label": "Reconcile"], ["href": "/consignment", "label": "Consignment"],
                ["href": "/vmi/agreements", "label": "VMI agreements"], ["href": "/vmi", "label": "VMI operations"],
                ["href": "/calc", "label": "Calculators"], ["href": "/suppliers", "label": "Suppliers"],
                ["href": "/sharing", "label": "Forecast sharing"],
                ["href": "/proposals", "label": "Proposals"], ["href": "/purchase-orders", "label": "Orders"],
                ["href": "/emergency", "label": "Emergency buys"],
                ["href": "/emergency/report", "label": "Deviation report"],
                ["href": "/approval-rules", "label": "Approval rules"],
                ["href": "/process-maps", "label": "Process maps"],
                ["href": "/postmortems", "label": "Post-mortems"], ["href": "/actions", "label": "My actions"],
            ]
        } else {
            links.append(["href": "/consignment", "label": "Consignment usage"])
            links.append(["href": "/vmi/agreements", "label": "VMI agreements"])
            links.append(["href": "/vmi", "label": "VMI operations"])
            links.append(["href": "/suppliers", "label": "Scorecard"])
            links.append(["href": "/sharing", "label": "Shared forecasts"])
        }
        if principal.allows(.administer) { links.append(["href": "/audit", "label": "Audit log"]) }
        return links
    }

    /// The HTML form of a problem.
    func errorPage(_ problem: Problem, context: AppRequestContext) -> Response {
        page(
            "error", title: problem.title, principal: context.identity,
            values: ["status": String(problem.status.code), "heading": problem.title, "detail": problem.detail],
            status: problem.status,
            headers: problem.headers)
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
