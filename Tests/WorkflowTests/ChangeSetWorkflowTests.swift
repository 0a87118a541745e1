import Testing

@testable import Workflow

@Suite("Change sets: lifecycle, who may, four eyes")
struct ChangeSetWorkflowTests {
    let pia = Authorization.Principal(userID: "pia", role: .planner)
    let ann = Authorization.Principal(userID: "ann", role: .approver)
    let bo = Authorization.Principal(userID: "bo", role: .buyer)

    func facts(_ state: ChangeSetState, by author: String = "pia") -> ChangeSetFacts {
        ChangeSetFacts(changeSetID: "CS-000001", state: state, createdBy: author)
    }

    @Test("draft → previewed → approved → applied → reversed; a reject with a reason")
    func happyPath() throws {
        #expect(try ChangeSetWorkflow.decide(.preview, on: facts(.draft), by: pia).state == .previewed)
        #expect(try ChangeSetWorkflow.decide(.preview, on: facts(.previewed), by: pia).state == .previewed)
        #expect(try ChangeSetWorkflow.decide(.approve, on: facts(.previewed), by: ann).state == .approved)
        #expect(try ChangeSetWorkflow.decide(.apply, on: facts(.approved), by: pia).state == .applied)
        #expect(try ChangeSetWorkflow.decide(.reverse, on: facts(.applied), by: pia).state == .reversed)
        let rejected = try ChangeSetWorkflow.decide(.reject, on: facts(.previewed), by: ann, reason: " not now ")
        #expect(rejected.state == .rejected && rejected.reason == "not now")
    }

    @Test("the author may not approve, by message (four eyes)")
    func fourEyes() {
        let admin = Authorization.Principal(userID: "ada", role: .admin)
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "ada created change set CS-000001 and may not approve it — another approver must (four eyes)")
        ) {
            try ChangeSetWorkflow.decide(.approve, on: facts(.previewed, by: "ada"), by: admin)
        }
    }

    @Test("refusals name the change set, the state and what is allowed")
    func refusals() {
        #expect(
            throws: WorkflowError(
                .invalidTransition, "change set CS-000001 is draft; approve needs a change set that is previewed")
        ) {
            try ChangeSetWorkflow.decide(.approve, on: facts(.draft), by: ann)
        }
        #expect(
            throws: WorkflowError(
                .invalidTransition, "change set CS-000001 is reversed; reverse needs a change set that is applied")
        ) {
            try ChangeSetWorkflow.decide(.reverse, on: facts(.reversed), by: pia)
        }
        #expect(
            throws: WorkflowError(
                .notPermitted, "bo (role buyer) may not apply change set CS-000001 — roles that may: admin, planner")
        ) {
            try ChangeSetWorkflow.decide(.apply, on: facts(.approved), by: bo)
        }
        #expect(
            throws: WorkflowError(.notPermitted, "bo (role buyer) may not create change sets — roles that may: admin, planner")
        ) {
            try ChangeSetWorkflow.checkCreate(by: bo)
        }
        #expect(throws: WorkflowError(.reasonRequired, "reject of change set CS-000001 needs a reason — 1 to 500 characters")) {
            try ChangeSetWorkflow.decide(.reject, on: facts(.draft), by: ann)
        }
    }

    @Test("the change-set process map has exactly the transitions the rules allow")
    func processMap() {
        var produced: Set<String> = []
        let people = Role.allCases.map { Authorization.Principal(userID: "u-\($0.rawValue)", role: $0) }
        for state in ChangeSetState.allCases {
            for action in ChangeSetAction.allCases {
                for person in people {
                    guard let d = try? ChangeSetWorkflow.decide(action, on: facts(state, by: "author"), by: person, reason: "r")
                    else { continue }
                    produced.insert("\(state.rawValue) \(action.rawValue) \(d.state.rawValue)")
                }
            }
        }
        let map = ProcessMap.changeSet
        #expect(Set(map.transitions.map { "\($0.from) \($0.action) \($0.to)" }) == produced)
        #expect(map.states.filter(\.final).map(\.id) == ["reversed", "rejected"])
    }
}
