import Foundation
import Testing

@testable import Workflow

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Process maps: drawn from the rules, and exactly the rules")
struct ProcessMapTests {
    @Test("the purchase-order map has exactly the lifecycle's transitions (plus a level of the approval chain)")
    func purchaseOrder() throws {
        let map = ProcessMap.purchaseOrder
        var expected: Set<String> = ["proposed approve proposed"]
        for state in PurchaseOrderState.allCases {
            for action in PurchaseOrderAction.allCases {
                guard let to = try? PurchaseOrderLifecycle.next(from: state, action, orderID: "PO-1") else { continue }
                expected.insert("\(state.rawValue) \(action.rawValue) \(to.rawValue)")
            }
        }
        let drawn = Set(map.transitions.map { "\($0.from) \($0.action) \($0.to)" })
        #expect(drawn == expected)
        #expect(map.transitions.count == drawn.count, "no transition drawn twice")
        #expect(map.states.map(\.id) == PurchaseOrderState.lifecycleOrder.map(\.rawValue))
        #expect(map.states.filter(\.final).map(\.id) == ["closed", "cancelled"] && map.initial == "proposed")
        // Who may: from the permissions, and segregation of duties on approval.
        let approve = try #require(map.transitions.first { $0.action == "approve" && $0.to == "approved" })
        #expect(approve.rule.hasPrefix("buyer, approver, finance; not who created or changed it"))
        #expect(map.transitions.first { $0.action == "release" }?.rule == "admin, buyer; exported to the supplier")
    }

    @Test("the disposition map has exactly the transitions the sign-off rules allow")
    func disposition() throws {
        let people: [Authorization.Principal] = Role.allCases.map {
            Authorization.Principal(userID: "u-\($0.rawValue)", role: $0)
        }
        let roles = DispositionWorkflow.defaultSignOffRoles
        var produced: Set<String> = []
        for state in DispositionState.allCases {
            // No signature yet, all but the last, all of them.
            for signed in [0, roles.count - 1, roles.count] {
                let signOffs = roles.prefix(signed).map { DispositionSignOff(role: $0, userID: "u-\($0.rawValue)-before") }
                let facts = DispositionFacts(
                    caseID: "DSP-1", state: state, createdBy: "creator", requiredRoles: roles, signOffs: Array(signOffs))
                for action in DispositionAction.allCases {
                    for person in people {
                        guard let d = try? DispositionWorkflow.decide(action, on: facts, by: person, reason: "no longer needed")
                        else { continue }
                        produced.insert("\(state.rawValue) \(action.rawValue) \(d.state.rawValue)")
                    }
                }
            }
        }
        let map = ProcessMap.disposition
        #expect(Set(map.transitions.map { "\($0.from) \($0.action) \($0.to)" }) == produced)
        #expect(map.states.filter(\.final).map(\.id) == ["closed", "cancelled"])
    }

    @Test("the emergency buy and the provision run: Mermaid text line by line")
    func mermaid() {
        #expect(
            ProcessMap.emergencyBuy.mermaid == """
                stateDiagram-v2
                    [*] --> requested
                    requested --> approved : approve
                    requested --> expired : (time)
                    approved --> [*]
                    expired --> [*]

                """)
        #expect(
            ProcessMap.provisionRun.mermaid == """
                stateDiagram-v2
                    [*] --> draft
                    draft --> draft : run
                    draft --> approved : approve
                    approved --> [*]

                """)
        #expect(ProcessMap.provisionRun.transitions[1].rule == "finance; not who ran it (segregation of duties)")
    }

    @Test("DOT quotes every name and rule; final states have two borders")
    func dot() {
        let dot = ProcessMap.emergencyBuy.dot
        #expect(dot.hasPrefix("digraph \"emergency-buy\" {\n"))
        #expect(dot.contains("    \"requested\" -> \"expired\" [label=\"(time)\", tooltip=\""))
        #expect(
            dot.contains("    \"approved\" [tooltip=\"approved: its purchase order exists") && dot.contains("peripheries=2];"))
        #expect(dot.hasSuffix("}\n"))
    }

    @Test("the SVG is well-formed XML with a box per state and an arc per transition, and no two labels collide")
    func svg() throws {
        for map in ProcessMap.all {
            let svg = map.svg
            #if canImport(FoundationXML) || canImport(Darwin)
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "\(map.name): \(parser.parserError.map { "\($0)" } ?? "")")
            #endif
            for state in map.states { #expect(svg.contains("id=\"process-map-\(map.name)-state-\(state.id)\"")) }
            #expect(svg.components(separatedBy: "<g class=\"transition\">").count - 1 == map.transitions.count)
            #expect(!svg.contains("style="), "the pages' content security policy forbids inline styles")
            let drawing = ProcessMapDrawing(map)
            for arcs in [drawing.above, drawing.below] {
                for a in arcs {
                    for b in arcs where a.0 != b.0 && a.level == b.level {
                        let (l1, r1) = (min(a.from, a.to), max(a.from, a.to))
                        let (l2, r2) = (min(b.from, b.to), max(b.from, b.to))
                        #expect(r1 <= l2 || r2 <= l1, "\(map.name): \(a.0.action) and \(b.0.action) share level \(a.level)")
                    }
                }
            }
        }
        let escaped = ProcessMapDrawing(
            ProcessMap(
                name: "x", title: "A <b> & \"c\"", initial: "s",
                states: [.init(id: "s", final: true, meaning: "<script>")], transitions: [], source: "")
        ).svg
        #expect(escaped.contains("aria-label=\"A &lt;b&gt; &amp; &quot;c&quot; process map\"") && !escaped.contains("<script>"))
    }

    @Test("a map by name; an unknown name is nil")
    func named() {
        #expect(
            ProcessMap.names == [
                "purchase-order", "disposition", "emergency-buy", "provision-run", "change-set", "postmortem", "action",
            ])
        #expect(ProcessMap.named("disposition")?.title == "Disposition case")
        #expect(ProcessMap.named("Disposition") == nil)
    }
}
