import Testing
import Workflow

/// Duplicate-order prevention for manual orders (``DuplicateOrderCheck``).
@Suite("duplicate-order check")
struct DuplicateOrderCheckTests {
    static let incoming = [
        IncomingSupply(
            kind: .openOrder, reference: "PO-000003", quantity: 24, baseUOM: "EA", date: "2026-12-01", state: "approved"),
        IncomingSupply(kind: .transferInTransit, reference: "", quantity: 2.5, baseUOM: "EA", date: ""),
        IncomingSupply(kind: .recentReceipt, reference: "GR-7", quantity: 5, baseUOM: "EA", date: "2026-11-30"),
    ]

    @Test("nothing coming: the order may be created; a reason given is not kept")
    func nothingComing() throws {
        #expect(try DuplicateOrderCheck.check(itemID: "P1", locationID: "DC1", incoming: [], confirmation: "") == nil)
        #expect(try DuplicateOrderCheck.check(itemID: "P1", locationID: "DC1", incoming: [], confirmation: "just in case") == nil)
    }

    @Test("supply coming and no reason: refused, listing every order, transfer and receipt")
    func refused() {
        #expect(
            throws: WorkflowError(
                .alreadyComing,
                "P1 at DC1 is already coming — open order PO-000003 (approved): 24 EA due 2026-12-01; transfer in transit: 2.5 EA; recent receipt GR-7: 5 EA on 2026-11-30 — to order more, confirm with a reason"
            )
        ) {
            try DuplicateOrderCheck.check(itemID: "P1", locationID: "DC1", incoming: Self.incoming, confirmation: " ")
        }
    }

    @Test("supply coming and a reason: allowed, the reason returned for the audit log")
    func confirmed() throws {
        #expect(
            try DuplicateOrderCheck.check(itemID: "P1", locationID: "DC1", incoming: Self.incoming, confirmation: " line down ")
                == "line down")
        #expect(throws: WorkflowError.self) {
            try DuplicateOrderCheck.check(
                itemID: "P1", locationID: "DC1", incoming: Self.incoming, confirmation: String(repeating: "x", count: 501))
        }
    }
}
