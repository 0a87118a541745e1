import Hummingbird
import InventoryCore
import InventoryPolicy
import Workflow

/// The case-file calculators over HTTP: `POST /api/v1/calc/{pooling,gsm,ssm,kanban,two-bin,
/// hold-or-dispose,consignment}`. The body is the JSON object `procura calc NAME --input FILE`
/// reads and the answer the one it prints; each calls the same InventoryPolicy function. Inputs the
/// function refuses answer 422 with its message (the field named); a body that is not the
/// expected JSON answers 400. Who sees planning data (planners, finance, buyers, approvers,
/// viewers, admins; not suppliers: the inputs are costs).
struct CaseCalcEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>) {
        api.post("calc/pooling", use: Self.handler(RiskPoolingInput.self, RiskPooling.compare))
        api.post("calc/gsm", use: Self.handler(GuaranteedServiceInput.self, GuaranteedServiceModel.optimize))
        api.post("calc/ssm", use: Self.handler(SerialSystemInput.self, StochasticServiceModel.solve))
        api.post("calc/kanban", use: Self.handler(KanbanInput.self, KanbanSizing.size))
        api.post("calc/two-bin", use: Self.handler(TwoBinInput.self, KanbanSizing.twoBin))
        api.post("calc/hold-or-dispose", use: Self.handler(HoldOrDisposeInput.self, HoldOrDispose.analyse))
        api.post("calc/consignment", use: Self.handler(ConsignmentTransitionInput.self, ConsignmentTransition.compare))
    }

    /// Authorise, decode the body as `Input`, call `calculate`, encode its result.
    static func handler<Input: Decodable & Sendable, Output: Encodable>(
        _ input: Input.Type, _ calculate: @escaping @Sendable (Input) throws(PolicyError) -> Output
    ) -> @Sendable (Request, AppRequestContext) async throws -> Response {
        { request, context in
            _ = try context.require(.viewPlanning)
            let body = try await JSONResponse.decode(Input.self, from: request, context: context)
            let result: Output
            do throws(PolicyError) {
                result = try calculate(body)
            } catch {
                throw Problem.unprocessable(error.message, code: "invalid_input")
            }
            let value = try JSONValueEncoder().encode(result)
            if value.containsInfinity {
                throw Problem.unprocessable(
                    "a result is not a finite number for these inputs — give smaller figures", code: "invalid_input")
            }
            return try JSONResponse.encode(result)
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
