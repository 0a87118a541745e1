import Testing
import Workflow

@Suite("VMI agreements: a version is active once both sides approved")
struct VMIAgreementWorkflowTests {
    static let bo = Authorization.Principal(userID: "bo", role: .buyer)
    static let ada = Authorization.Principal(userID: "ada", role: .approver)
    static let pia = Authorization.Principal(userID: "pia", role: .planner)
    static let admin = Authorization.Principal(userID: "admin", role: .admin)
    static let supa = Authorization.Principal(userID: "supa", role: .supplier, supplierID: "S1")
    static let supb = Authorization.Principal(userID: "supb", role: .supplier, supplierID: "S2")

    static func facts(ours: String? = nil, supplier: String? = nil, state: VMIAgreementState = .proposed) -> VMIAgreementFacts {
        VMIAgreementFacts(
            agreementID: "VMI-1", version: 2, supplierID: "S1", state: state, ourApproval: ours, supplierApproval: supplier)
    }

    @Test("sides: buyers, approvers and finance are ours; a supplier user only for its own supplier; nobody else")
    func sides() {
        #expect(VMIAgreementWorkflow.side(of: Self.bo, supplierID: "S1") == .ours)
        #expect(VMIAgreementWorkflow.side(of: Self.ada, supplierID: "S1") == .ours)
        #expect(VMIAgreementWorkflow.side(of: .init(userID: "fin", role: .finance), supplierID: "S1") == .ours)
        #expect(VMIAgreementWorkflow.side(of: Self.supa, supplierID: "S1") == .supplier)
        #expect(VMIAgreementWorkflow.side(of: Self.supb, supplierID: "S1") == nil)
        #expect(VMIAgreementWorkflow.side(of: Self.pia, supplierID: "S1") == nil)
        #expect(VMIAgreementWorkflow.side(of: Self.admin, supplierID: "S1") == nil)
    }

    @Test("proposing is the proposer's side's approval; a second proposal waits for the first")
    func propose() throws {
        #expect(
            try VMIAgreementWorkflow.checkPropose(agreementID: "VMI-1", supplierID: "S1", pending: nil, by: Self.supa)
                == .supplier)
        #expect(try VMIAgreementWorkflow.checkPropose(agreementID: "VMI-1", supplierID: "S1", pending: nil, by: Self.bo) == .ours)
        let pending = #expect(throws: WorkflowError.self) {
            try VMIAgreementWorkflow.checkPropose(agreementID: "VMI-1", supplierID: "S1", pending: 2, by: Self.bo)
        }
        #expect(pending?.code == .invalidTransition)
        #expect(pending?.message == "VMI agreement VMI-1 has version 2 proposed — approve or reject it before proposing another")
        let planner = #expect(throws: WorkflowError.self) {
            try VMIAgreementWorkflow.checkPropose(agreementID: "VMI-1", supplierID: "S1", pending: nil, by: Self.pia)
        }
        #expect(
            planner?.message
                == "pia (role planner) may not propose VMI agreement VMI-1 — buyers, approvers, finance and the agreement's supplier may"
        )
    }

    @Test("either order: the second side's approval makes the version active")
    func bothSides() throws {
        #expect(try VMIAgreementWorkflow.decide(.approve, on: Self.facts(), by: Self.supa).state == .proposed)
        #expect(try VMIAgreementWorkflow.decide(.approve, on: Self.facts(ours: "bo"), by: Self.supa).state == .active)
        #expect(try VMIAgreementWorkflow.decide(.approve, on: Self.facts(supplier: "supa"), by: Self.ada).state == .active)
        let again = #expect(throws: WorkflowError.self) {
            try VMIAgreementWorkflow.decide(.approve, on: Self.facts(ours: "bo"), by: Self.ada)
        }
        #expect(
            again?.message == "VMI agreement VMI-1 version 2 is already approved for our side by bo — it waits for the supplier")
        let other = #expect(throws: WorkflowError.self) {
            try VMIAgreementWorkflow.decide(.approve, on: Self.facts(ours: "bo"), by: Self.supb)
        }
        #expect(other?.code == .notPermitted)
        let done = #expect(throws: WorkflowError.self) {
            try VMIAgreementWorkflow.decide(.approve, on: Self.facts(ours: "bo", supplier: "supa", state: .active), by: Self.ada)
        }
        #expect(done?.message == "VMI agreement VMI-1 version 2 is active; approve needs a version that is proposed")
    }

    @Test("a reject by either side needs a reason and ends the version")
    func reject() throws {
        let decision = try VMIAgreementWorkflow.decide(
            .reject, on: Self.facts(ours: "bo"), by: Self.supa, reason: " band too tight ")
        #expect(decision.state == .rejected && decision.side == .supplier && decision.reason == "band too tight")
        let bare = #expect(throws: WorkflowError.self) {
            try VMIAgreementWorkflow.decide(.reject, on: Self.facts(), by: Self.bo, reason: "")
        }
        #expect(bare?.code == .reasonRequired)
        #expect(bare?.message == "reject of VMI agreement VMI-1 version 2 needs a reason — 1 to 500 characters")
    }
}
