import Testing
import Workflow

@Suite("Disposition cases: sign-off by the required roles, then execute, close; cancel with a reason")
struct DispositionWorkflowTests {
    static let bo = Authorization.Principal(userID: "bo", role: .buyer)
    static let olga = Authorization.Principal(userID: "olga", role: .operations)
    static let fin = Authorization.Principal(userID: "fin", role: .finance)
    static let pia = Authorization.Principal(userID: "pia", role: .planner)
    static let vic = Authorization.Principal(userID: "vic", role: .viewer)
    static let ada = Authorization.Principal(userID: "ada", role: .approver)

    static func facts(
        _ state: DispositionState, signed: [DispositionSignOff] = [], createdBy: String = "pia",
        roles: [Role] = DispositionWorkflow.defaultSignOffRoles
    ) -> DispositionFacts {
        DispositionFacts(caseID: "DSP-000001", state: state, createdBy: createdBy, requiredRoles: roles, signOffs: signed)
    }

    static let allSigned = [
        DispositionSignOff(role: .buyer, userID: "bo"), DispositionSignOff(role: .operations, userID: "olga"),
        DispositionSignOff(role: .finance, userID: "fin"),
    ]

    @Test("open → open → open → signed: each required role signs once; the last signature makes it signed")
    func signing() throws {
        var f = Self.facts(.open)
        for (principal, expected) in [(Self.bo, DispositionState.open), (Self.olga, .open), (Self.fin, .signed)] {
            let d = try DispositionWorkflow.decide(.sign, on: f, by: principal)
            #expect(d.state == expected)
            #expect(d.signOff == DispositionSignOff(role: principal.role, userID: principal.userID))
            f.signOffs.append(try #require(d.signOff))
            f.state = d.state
        }
        #expect(f.missingRoles.isEmpty)
    }

    @Test("signed → executed → closed")
    func executeAndClose() throws {
        #expect(
            try DispositionWorkflow.decide(.execute, on: Self.facts(.signed, signed: Self.allSigned), by: Self.olga).state
                == .executed)
        #expect(
            try DispositionWorkflow.decide(.close, on: Self.facts(.executed, signed: Self.allSigned), by: Self.fin).state
                == .closed)
    }

    @Test("a case missing a signature cannot execute, naming what is missing")
    func missingSignature() {
        let f = Self.facts(.open, signed: [DispositionSignOff(role: .buyer, userID: "bo")])
        #expect(
            throws: WorkflowError(
                .missingSignOff,
                "disposition case DSP-000001 cannot be executed: it lacks the sign-off of operations, finance — signed so far: buyer (bo)"
            )
        ) { try DispositionWorkflow.decide(.execute, on: f, by: Self.olga) }
        #expect(
            throws: WorkflowError(
                .missingSignOff,
                "disposition case DSP-000001 cannot be executed: it lacks the sign-off of buyer, operations, finance — signed so far: none"
            )
        ) { try DispositionWorkflow.decide(.execute, on: Self.facts(.open), by: Self.pia) }
    }

    /// olga signed as a buyer, then her role became operations: she may not sign again.
    @Test("one person signs once: not a second time in another role")
    func signTwice() {
        let f = Self.facts(.open, signed: [DispositionSignOff(role: .buyer, userID: "olga")])
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "olga already signed disposition case DSP-000001 for buyer; one person signs once — operations needs another person"
            )
        ) { try DispositionWorkflow.decide(.sign, on: f, by: Self.olga) }
    }

    @Test("a role signs once; a role not required, or not one's own, is refused")
    func roleRules() {
        let f = Self.facts(.open, signed: [DispositionSignOff(role: .buyer, userID: "bo")])
        let bea = Authorization.Principal(userID: "bea", role: .buyer)
        #expect(
            throws: WorkflowError(
                .invalidTransition,
                "disposition case DSP-000001 is already signed for buyer by bo — it still needs operations, finance")
        ) { try DispositionWorkflow.decide(.sign, on: f, by: bea) }
        #expect(
            throws: WorkflowError(
                .notPermitted,
                "bea (role buyer) may not sign disposition case DSP-000001 for finance — only a finance user may")
        ) { try DispositionWorkflow.decide(.sign, on: f, by: bea, role: .finance) }
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "bo already signed disposition case DSP-000001 for buyer; one person signs once — finance needs another person")
        ) { try DispositionWorkflow.decide(.sign, on: f, by: Self.bo, role: .finance) }
        #expect(
            throws: WorkflowError(
                .notPermitted,
                "disposition case DSP-000001 needs no sign-off by approver — it needs buyer, operations, finance")
        ) { try DispositionWorkflow.decide(.sign, on: f, by: Self.ada) }
    }

    @Test("the creator signs for their own role, except a case that needs a single sign-off")
    func creator() throws {
        #expect(try DispositionWorkflow.decide(.sign, on: Self.facts(.open, createdBy: "bo"), by: Self.bo).state == .open)
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "bo created disposition case DSP-000001, which needs a single sign-off — another buyer user must sign it")
        ) { try DispositionWorkflow.decide(.sign, on: Self.facts(.open, createdBy: "bo", roles: [.buyer]), by: Self.bo) }
    }

    @Test("cancel: open or signed, with a reason")
    func cancel() throws {
        #expect(
            try DispositionWorkflow.decide(.cancel, on: Self.facts(.open), by: Self.pia, reason: " sold elsewhere ").reason
                == "sold elsewhere")
        #expect(try DispositionWorkflow.decide(.cancel, on: Self.facts(.signed), by: Self.fin, reason: "x").state == .cancelled)
        #expect(
            throws: WorkflowError(.reasonRequired, "cancel of disposition case DSP-000001 needs a reason — 1 to 500 characters")
        ) { try DispositionWorkflow.decide(.cancel, on: Self.facts(.open), by: Self.pia, reason: "  ") }
    }

    @Test(
        "every forbidden transition is refused, naming the state and what the action needs", arguments: DispositionState.allCases)
    func forbidden(state: DispositionState) {
        for action in DispositionAction.allCases where !DispositionWorkflow.allowedStates(action).contains(state) {
            if action == .execute && state == .open { continue }  // missing_sign_off (above)
            let f = Self.facts(state, signed: state == .open ? [] : Self.allSigned)
            let who = action == .sign ? Self.bo : Self.olga
            let needs = DispositionWorkflow.allowedStates(action).map(\.rawValue).joined(separator: " or ")
            #expect(
                throws: WorkflowError(
                    .invalidTransition,
                    "disposition case DSP-000001 is \(state.rawValue); \(action.rawValue) needs a case that is \(needs)"),
                "\(state) \(action)"
            ) { try DispositionWorkflow.decide(action, on: f, by: who, reason: "r") }
        }
    }

    @Test("who may create, execute, close and cancel")
    func permissions() {
        #expect(throws: Never.self) { try DispositionWorkflow.checkCreate(by: Self.bo) }
        #expect(
            throws: WorkflowError(
                .notPermitted,
                "vic (role viewer) may not create disposition cases — roles that may: admin, planner, buyer, finance, operations")
        ) { try DispositionWorkflow.checkCreate(by: Self.vic) }
        #expect(
            throws: WorkflowError(
                .notPermitted,
                "fin (role finance) may not execute disposition cases — roles that may: admin, planner, buyer, operations")
        ) { try DispositionWorkflow.decide(.execute, on: Self.facts(.signed, signed: Self.allSigned), by: Self.fin) }
        #expect(
            throws: WorkflowError(
                .notPermitted,
                "ada (role approver) may not cancel disposition case DSP-000001 — roles that may: admin, planner, buyer, finance, operations"
            )
        ) { try DispositionWorkflow.decide(.cancel, on: Self.facts(.open), by: Self.ada, reason: "x") }
    }
}
