import InventoryCore
import Testing

@testable import Storage

@Suite("Posting fingerprints")
struct FingerprintTests {
    func request(
        _ type: PostingType, _ q: Double = 1, to: String? = nil, supplier: String? = nil, owner: Ownership? = nil,
        reason: String = ""
    )
        -> PostingRequest
    {
        PostingRequest(
            key: "k", date: Day(year: 2026, month: 1, day: 5)!, type: type, itemID: "I", locationID: "A", quantity: q,
            toLocationID: to,
            supplierID: supplier, owner: owner, reason: reason)
    }

    @Test("the fingerprint changes with the movement's fields, not with the unit or the cost")
    func fingerprint() throws {
        #expect(
            PostingRequest.givenFields(
                ofFingerprint: request(.consumption, supplier: "S", owner: .vmi).fingerprint(baseQuantity: 1))?.owner
                == .vmi)
        let a = request(.receipt, 2)
        var b = a
        #expect(a.fingerprint(baseQuantity: 24) == b.fingerprint(baseQuantity: 24))
        b.uom = "BOX"
        b.unitCost = 3
        b.owner = .owned
        #expect(a.fingerprint(baseQuantity: 24) == b.fingerprint(baseQuantity: 24))
        b.reference = "PO-1"
        #expect(a.fingerprint(baseQuantity: 24) != b.fingerprint(baseQuantity: 24))
        #expect(a.fingerprint(baseQuantity: 24) != a.fingerprint(baseQuantity: 25))
    }
}
