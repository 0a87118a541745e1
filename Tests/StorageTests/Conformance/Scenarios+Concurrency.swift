import Foundation
import InventoryCore
import Storage
import Testing

extension StorageScenario {
    /// Postings per writer in the test (the benchmark runs the full 10,000); set
    /// `PROCURA_TEST_CONCURRENCY_POSTINGS` to change it.
    static let postingsPerWriter: Int = {
        Int(ProcessInfo.processInfo.environment["PROCURA_TEST_CONCURRENCY_POSTINGS"] ?? "") ?? 200
    }()

    /// 8 concurrent writers post `postingsPerWriter` receipts each; every 10th is posted again
    /// under the same key (a retry). Exactly 8 × n entries must exist and every position must
    /// equal the sum of its writer's receipts.
    static let concurrency = StorageScenario(name: "8 concurrent writers with retries post each key exactly once") { store in
        try await StorageFixture.load(store)
        let writers = 8
        let n = postingsPerWriter
        let locations = ["DC1", "DC2"]
        let replays = try await withThrowingTaskGroup(of: Int.self) { group in
            for w in 0..<writers {
                group.addTask {
                    var replayed = 0
                    for k in 0..<n {
                        let request = PostingRequest(
                            key: "w\(w)-\(k)", date: StorageFixture.day, type: .receipt, itemID: w % 2 == 0 ? "P1" : "P2",
                            locationID: locations[(w / 2) % 2], quantity: Double(k % 7 + 1))
                        _ = try await store.post(request)
                        if k % 10 == 0 {
                            let again = try await store.post(request)
                            if again.replayed { replayed += 1 }
                        }
                    }
                    return replayed
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(replays == writers * ((n + 9) / 10))
        #expect(try await store.entryCount() == writers * n)
        let perWriter = (0..<n).reduce(Int64(0)) { $0 + StorageFixture.q(Double($1 % 7 + 1)) }
        for (item, location) in [("P1", "DC1"), ("P2", "DC1"), ("P1", "DC2"), ("P2", "DC2")] {
            #expect(try await store.onHand(item, location) == 2 * perWriter, "\(item)@\(location)")
        }
        #expect(try await store.verify().isConsistent)
    }
}
