import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Simulation
import Workflow

/// The case-file calculators over HTTP: `POST /api/v1/calc/{pooling,gsm,ssm,kanban,two-bin,
/// hold-or-dispose,consignment,excess,backtest,simulate,kpis}`. The body is the JSON object `procura calc NAME --input FILE`
/// reads and the answer the one it prints; each calls the same InventoryPolicy function. Inputs the
/// function refuses answer 422 with its message (the field named); a body that is not the
/// expected JSON answers 400. Who sees planning data (planners, finance, buyers, approvers,
/// viewers, admins; not suppliers: the inputs are costs); backtest and simulate only for those who
/// may run plans (planners, admins).
struct CaseCalcEndpoints {
    let state: WebState

    /// One case-file calculator: its name (`procura calc NAME`), a title for the page, and the
    /// computation from the input JSON to the result JSON (the CLI's file and output).
    struct Calculator: Sendable {
        var name: String
        var title: String
        /// Who may run it: planning data for most; simulations are plan runs (``Permission/runPlans``).
        var permission: Permission = .viewPlanning
        var run: @Sendable (JSONValue) throws -> JSONValue

        /// A calculator over an InventoryPolicy function.
        static func policy<Input: Decodable & Sendable, Output: Encodable>(
            _ name: String, _ title: String, _ input: Input.Type,
            permission: Permission = .viewPlanning,
            _ calculate: @escaping @Sendable (Input) throws(PolicyError) -> Output
        ) -> Calculator {
            Calculator(name: name, title: title, permission: permission) { json in
                let decoded: Input
                do {
                    decoded = try JSONValueDecoder().decode(Input.self, from: json)
                } catch let error as DecodingError {
                    throw Problem.badRequest(
                        "the input is not the expected JSON: \(JSONValueDecoder.describe(error))", code: "invalid_body")
                }
                let result: Output
                do throws(PolicyError) {
                    result = try calculate(decoded)
                } catch {
                    throw Problem.unprocessable(error.message, code: "invalid_input")
                }
                let value = try JSONValueEncoder().encode(result)
                if value.containsInfinity {
                    throw Problem.unprocessable(
                        "a result is not a finite number for these inputs — give smaller figures", code: "invalid_input")
                }
                return value
            }
        }
    }

    /// Every case-file calculator the web app offers, in the order of the page.
    static let calculators: [Calculator] = [
        .policy("pooling", "Risk pooling: central vs local safety stock", RiskPoolingInput.self, RiskPooling.compare),
        .policy(
            "gsm", "Multi-echelon: guaranteed-service model on a tree", GuaranteedServiceInput.self,
            GuaranteedServiceModel.optimize),
        .policy("ssm", "Multi-echelon: stochastic-service serial system", SerialSystemInput.self, StochasticServiceModel.solve),
        .policy("kanban", "Kanban cards", KanbanInput.self, KanbanSizing.size),
        .policy("two-bin", "Two-bin sizing", TwoBinInput.self, KanbanSizing.twoBin),
        .policy("hold-or-dispose", "Hold or dispose (NPV)", HoldOrDisposeInput.self, HoldOrDispose.analyse),
        .policy("consignment", "Consignment or owned stock", ConsignmentTransitionInput.self, ConsignmentTransition.compare),
        .policy("excess", "Aging, excess and obsolescence provision", ExcessObsolescenceInput.self, ExcessObsolescence.evaluate),
        .policy("kpis", "Inventory KPIs of one item's ledger over a period", PeriodKPIInput.self, PeriodKPIs.compute),
        .policy("backtest", "Policy back-test over a demand history", BacktestInput.self, permission: .runPlans, Backtest.run),
        .policy(
            "simulate", "Single-stage simulation with disruptions", SingleStageInput.self, permission: .runPlans,
            SingleStageSimulation.run),
    ]

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        for calculator in Self.calculators {
            api.post("calc/\(calculator.name)") { request, context in
                _ = try context.require(calculator.permission)
                let buffer = try await request.body.collect(upTo: context.maxUploadSize)
                let input: JSONValue
                do {
                    input = try JSONValue(parsing: Array(buffer.readableBytesView))
                } catch {
                    throw Problem.badRequest("the request body is not valid JSON: \(error)", code: "invalid_body")
                }
                return JSONResponse.text(try calculator.run(input).minified)
            }
        }
        pages.post("calc/case", use: page)
    }

    /// `POST /calc/case` (form: `calculator`, `input` — the JSON of `procura calc NAME --input`):
    /// the calculators page with the result, or the input's error, below the form.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        let name = form["calculator"] ?? ""
        guard let calculator = Self.calculators.first(where: { $0.name == name }) else {
            throw Problem.notFound("no calculator '\(name)' — one of \(Self.calculators.map(\.name).joined(separator: ", "))")
        }
        let principal = try context.require(calculator.permission)
        let text = form["input"] ?? ""
        var values: [String: Any] = ["case_calculators": Self.choices(selected: name), "case_input": text, "case_name": name]
        do {
            let input: JSONValue
            do {
                input = try JSONValue(parsing: text)
            } catch {
                throw Problem.badRequest("the input is not valid JSON: \(error)", code: "invalid_body")
            }
            guard case .object(let members) = try calculator.run(input) else {
                throw Problem.badRequest("no result", code: "invalid_input")
            }
            values["case_result"] = members.map {
                ["key": $0.0.replacingOccurrences(of: "_", with: " "), "value": Self.text($0.1)]
            }
        } catch let problem as Problem {
            values["case_error"] = problem.detail
            return state.pages.page("calc", title: "Calculators", principal: principal, values: values, status: problem.status)
        }
        return state.pages.page("calc", title: "Calculators", principal: principal, values: values)
    }

    /// The calculators for the page's select.
    static func choices(selected: String?) -> [[String: Any]] {
        calculators.map { ["name": $0.name, "title": $0.title, "selected": $0.name == selected] }
    }

    /// A result value as text: numbers in the pages' format, lists and objects compact.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .number(let d): return Format.number(d)
        case .integer(let i): return Format.count(i)
        case .string(let s): return s
        case .bool(let b): return b ? "yes" : "no"
        case .null: return "–"
        case .array, .object: return value.compact
        }
    }
}

extension JSONValue {
    /// Whether ±∞ (written `"inf"` / `"-inf"`) appears anywhere: JSON numbers cannot carry it.
    fileprivate var containsInfinity: Bool {
        switch self {
        case .string(let s): s == "inf" || s == "-inf"
        case .array(let items): items.contains { $0.containsInfinity }
        case .object(let members): members.contains { $0.1.containsInfinity }
        default: false
        }
    }
}
